"""The privacy boundary for the commune's borrower list (Form 01): a person of a certified list leaves the registry
as CommuneListingCertified (person, list, place, day), and nothing else of the list leaves: not the drawing, not
the certification with its signatory."""

import uuid
from datetime import UTC, date, datetime

from hoanhap import contracts as c
from hoanhap.contracts import from_kafka_message
from hoanhap.eventstore import EventMetadata, StoredEvent
from hoanhap_registry.adapters.publishing import registry_message
from hoanhap_registry.domain import borrower_list_events as ev
from hoanhap_registry.domain.events import RegistryFact

LIST_ID, PERSON = uuid.uuid4(), uuid.uuid4()
SIGNATORY = "Chủ tịch UBND xã Nguyễn Văn Bí Mật"


def stored(fact: RegistryFact, version: int) -> StoredEvent:
    return StoredEvent(position=version, stream_id=ev.list_stream(LIST_ID), stream_version=version,
                       event_id=uuid.uuid4(), type=fact.type_name(), schema_version=1,
                       payload=fact.model_dump(mode="json"),
                       metadata=EventMetadata(correlation_id="c", actor="police-officer", agency="police"),
                       recorded_at=datetime(2026, 3, 5, tzinfo=UTC), hash="h", global_hash="g")


def test_a_listed_person_leaves_as_commune_listing_certified_with_the_list_and_the_day():
    listed = ev.PersonListed(person_id=PERSON, province_code="01", commune_code="00004",
                             certified_on=date(2026, 3, 5))
    message = registry_message(stored(listed, 3))
    assert message is not None
    envelope = from_kafka_message(message.key, message.value, message.headers)
    assert envelope.data == c.CommuneListingCertified(person_id=PERSON, list_id=LIST_ID, province_code="01",
                                                      commune_code="00004", certified_on=date(2026, 3, 5))


def test_the_drawing_and_the_certification_with_its_signatory_stay_inside():
    drawn = ev.BorrowerListDrawn(list_id=LIST_ID, province_code="01", commune_code="00004",
                                 drawn_on=date(2026, 3, 2), person_ids=(PERSON,), excluded_person_ids=())
    certified = ev.BorrowerListCertified(certified_on=date(2026, 3, 5), certified_by=SIGNATORY)
    assert registry_message(stored(drawn, 1)) is None
    assert registry_message(stored(certified, 2)) is None
