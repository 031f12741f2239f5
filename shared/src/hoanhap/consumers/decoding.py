"""What a received record turns out to be: an envelope to apply, one to skip, or a malformed message.

Whatever goes wrong reading one record, of any exception type and whatever the size of its value, makes that
record malformed (dead-lettered with the reason) and no other: an exception escaping here would leave the whole
batch neither applied nor dead-lettered.
"""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from aiokafka.structs import ConsumerRecord

from hoanhap.consumers.failures import MAX_DESCRIPTION, described
from hoanhap.contracts import (
    Envelope,
    MalformedMessage,
    MissingUpcaster,
    NewerSchemaVersion,
    UnknownEventType,
    from_kafka_message,
)
from hoanhap.excerpts import excerpt

DECODE_SLICE = 250
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
        return Decoded(record, malformed=excerpt(str(error), MAX_DESCRIPTION))
    except Exception as error:  # noqa: BLE001 - RecursionError, MemoryError, a bug: this record only is bad
        return Decoded(record, malformed=described(error))
    return Decoded(record, envelope=envelope)


async def decode_yielding(records: Sequence[ConsumerRecord]) -> list[Decoded]:
    """Every record decoded, letting the event loop run between slices (a batch being written meanwhile
    gets its next statement sent)."""
    decoded: list[Decoded] = []
    for start in range(0, len(records), DECODE_SLICE):
        decoded += [decode(record) for record in records[start:start + DECODE_SLICE]]
        await asyncio.sleep(0)
    return decoded


def next_offsets(batch: Sequence[Decoded]) -> dict[tuple[str, int], int]:
    """The offset after the last record of each partition in the batch."""
    offsets: dict[tuple[str, int], int] = {}
    for item in batch:
        offsets[item.partition_key] = max(offsets.get(item.partition_key, 0), item.record.offset + 1)
    return offsets
