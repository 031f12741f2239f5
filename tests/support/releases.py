"""Registry-like events for tests of the event-sourcing core: valid contract data, stored and relayed."""

import dataclasses
import os
import uuid
from datetime import date

from hoanhap.contracts import EVENT_CATALOGUE, KafkaMessage, ReleaseRegistered, ReleaseType, Sex
from hoanhap.eventstore import EventMetadata, NewEvent, StoredEvent
from hoanhap.relay import integration_message

TOPIC_VARIABLE = "TEST_RELAY_TOPIC"


def release(person_id: uuid.UUID) -> ReleaseRegistered:
    """A realistic release in Hà Nội, identified only by the person id."""
    return ReleaseRegistered(
        person_id=person_id, age_at_release=35, sex=Sex.MALE, province_code="01",
        commune_code="00004", offence_articles=[173], sentence_months=24,
        release_type=ReleaseType.COMPLETED_SENTENCE, release_date=date(2026, 1, 15), notified_on=date(2026, 1, 10))


def new_release_event(person_id: uuid.UUID) -> NewEvent:
    """The release as an event to append to the person's stream."""
    data = release(person_id)
    metadata = EventMetadata(correlation_id=str(uuid.uuid4()), actor="officer-1", agency="police")
    return NewEvent(type=data.event_type, payload=data.model_dump(mode="json"), metadata=metadata,
                    schema_version=data.schema_version)


def map_event(stored: StoredEvent) -> KafkaMessage:
    """Relay mapper for tests: the stored payload is the contract data; the topic comes from the environment."""
    data = EVENT_CATALOGUE.read(stored.type, stored.schema_version, stored.payload)
    message = integration_message(stored, data)
    topic = os.environ.get(TOPIC_VARIABLE)
    return dataclasses.replace(message, topic=topic) if topic else message
