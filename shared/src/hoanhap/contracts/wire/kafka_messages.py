"""Turning an envelope into a Kafka message and back, validating and upcasting on the way in."""

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import ValidationError

from hoanhap.contracts.errors import MalformedMessage
from hoanhap.contracts.integration_event import IntegrationEvent, dataschema_uri
from hoanhap.contracts.versions.catalogue import EventCatalogue
from hoanhap.contracts.versions.known_events import EVENT_CATALOGUE
from hoanhap.contracts.wire.envelope import Envelope
from hoanhap.contracts.wire.headers import ReceivedAttributes, envelope_headers
from hoanhap.contracts.wire.message_parsing import decode_headers, decode_json_object, parse_with_reason
from hoanhap.contracts.wire.routing import partition_key, topic_of


@dataclass(frozen=True, slots=True)
class KafkaMessage:
    """A message ready for a Kafka producer."""

    topic: str
    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]]


def to_kafka_message(envelope: Envelope) -> KafkaMessage:
    """The envelope in CloudEvents binary mode: attributes as headers, the event's JSON as value."""
    return KafkaMessage(
        topic=topic_of(envelope.data),
        key=partition_key(envelope.data),
        value=envelope.data.model_dump_json().encode(),
        headers=envelope_headers(envelope),
    )


def from_kafka_message(
    key: bytes | None,
    value: bytes | None,
    headers: Iterable[tuple[str, bytes]],
    *,
    catalogue: EventCatalogue = EVENT_CATALOGUE,
) -> Envelope:
    """The envelope of a received message, its data upcast to the newest schema version.

    Raises UnknownEventType or NewerSchemaVersion for events this code cannot know yet (checked before
    the value is read), and MalformedMessage, with the reason, for anything else wrong with the message.
    """
    attributes = parse_with_reason(ReceivedAttributes.model_validate, decode_headers(headers), "headers")
    event_type, version = attributes.ce_type, attributes.ce_schemaversion
    newest = catalogue.newest_readable(event_type, version)  # an unknown type or newer version: before the value
    if attributes.ce_dataschema != dataschema_uri(event_type, version):
        raise MalformedMessage(
            f"header ce_dataschema {attributes.ce_dataschema!r} is not that of {event_type} v{version}"
        )
    data = read_data(catalogue, newest, version, value)
    envelope = Envelope.model_construct(  # every field is validated already, as the headers' or as the data
        id=attributes.ce_id,
        time=attributes.ce_time,
        stream_version=attributes.ce_streamversion,
        correlation_id=attributes.ce_correlationid,
        causation_id=attributes.ce_causationid,
        data=data,
    )
    require_consistent(envelope, attributes, key)
    return envelope


def read_data(catalogue: EventCatalogue, newest: type[IntegrationEvent], version: int,
              value: bytes | None) -> IntegrationEvent:
    """The message value as the event's newest shape (`newest`): parsed straight from the bytes when it is already
    that version (the common case, and the fast one); otherwise, or when that fails, through the path that
    upcasts and names exactly what is wrong."""
    event_type = newest.event_type
    if value is not None and version == newest.schema_version:
        try:
            return newest.model_validate_json(value)
        except ValidationError:
            pass  # read again below for the reason
    return parse_with_reason(
        lambda raw: catalogue.read(event_type, version, raw),
        decode_json_object(value),
        f"{event_type} v{version} data",
    )


def require_consistent(envelope: Envelope, attributes: ReceivedAttributes, key: bytes | None) -> None:
    """The source and subject headers and the key say what the data implies."""
    if attributes.ce_source != envelope.source:
        raise MalformedMessage(
            f"header ce_source {attributes.ce_source!r} is not {envelope.source!r} for {envelope.type}"
        )
    subject = envelope.subject
    if attributes.ce_subject != subject:
        raise MalformedMessage(f"header ce_subject {attributes.ce_subject!r} does not match the data ({subject!r})")
    if key != subject.encode():
        raise MalformedMessage(f"the message key {key!r} is not the subject {subject!r}")
