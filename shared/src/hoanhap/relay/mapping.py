"""From a stored event and its integration data to the message the relay publishes."""

from hoanhap.contracts import Envelope, IntegrationEvent, KafkaMessage, to_kafka_message
from hoanhap.eventstore import StoredEvent


def integration_message(stored: StoredEvent, data: IntegrationEvent) -> KafkaMessage:
    """The Kafka message of data, carrying the stored event's id, time, stream version and trace ids."""
    envelope = Envelope(id=stored.event_id, time=stored.recorded_at, stream_version=stored.stream_version,
                        correlation_id=stored.metadata.correlation_id,
                        causation_id=stored.metadata.causation_id, data=data)
    return to_kafka_message(envelope)
