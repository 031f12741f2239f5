"""What a received record turns out to be: an envelope to apply, one to skip, or a malformed message."""

from dataclasses import dataclass

from aiokafka.structs import ConsumerRecord

from hoanhap.contracts import (
    Envelope,
    MalformedMessage,
    MissingUpcaster,
    NewerSchemaVersion,
    UnknownEventType,
    from_kafka_message,
)

SKIPPED_UNKNOWN_TYPE = "unknown_type"
SKIPPED_NEWER_VERSION = "newer_version"


@dataclass(frozen=True)
class Decoded:
    """A record and what it holds: exactly one of envelope, skip_reason or malformed is set."""

    record: ConsumerRecord
    envelope: Envelope | None = None
    skip_reason: str | None = None
    malformed: str | None = None

    @property
    def partition_key(self) -> tuple[str, int]:
        """The record's topic and partition."""
        return self.record.topic, self.record.partition


def decode(record: ConsumerRecord) -> Decoded:
    """Read the record's envelope, or say why it is skipped or malformed."""
    try:
        envelope = from_kafka_message(record.key, record.value, record.headers or ())
    except UnknownEventType:
        return Decoded(record, skip_reason=SKIPPED_UNKNOWN_TYPE)
    except NewerSchemaVersion:
        return Decoded(record, skip_reason=SKIPPED_NEWER_VERSION)
    except (MalformedMessage, MissingUpcaster) as error:
        return Decoded(record, malformed=str(error))
    return Decoded(record, envelope=envelope)
