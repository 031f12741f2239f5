"""Turning what a caller appends into numbered, timestamped events in canonical, hashable form."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from hoanhap.eventstore.canonical import canonical_json, event_content, metadata_json
from hoanhap.eventstore.errors import DuplicateEvent, InvalidEvent
from hoanhap.eventstore.events import EventMetadata, JsonObject, NewEvent, StoredEvent
from hoanhap.eventstore.json_normal_form import normalised


@dataclass(frozen=True, slots=True)
class PendingEvent:
    """An event ready to be written: everything but its global position and hash is known."""

    stream_id: str
    stream_version: int
    event_id: UUID
    type: str
    schema_version: int
    payload: JsonObject
    metadata: EventMetadata
    recorded_at: datetime
    content: bytes

    def stored(self, position: int, digest: bytes, global_digest: bytes) -> StoredEvent:
        """The event as committed at position with its hashes in its stream's chain and in the store's."""
        return StoredEvent(
            position=position, stream_id=self.stream_id, stream_version=self.stream_version,
            event_id=self.event_id, type=self.type, schema_version=self.schema_version, payload=self.payload,
            metadata=self.metadata, recorded_at=self.recorded_at, hash=digest.hex(),
            global_hash=global_digest.hex(),
        )


def prepare_append(
    stream_id: str, expected_version: int, events: Sequence[NewEvent], recorded_at: datetime,
) -> list[PendingEvent]:
    """Number events after expected_version, refusing a bad stream id, version or duplicate event id."""
    check_stream_id(stream_id)
    if isinstance(expected_version, bool) or not isinstance(expected_version, int) or expected_version < 0:
        raise InvalidEvent(f"expected version {expected_version!r} of stream {stream_id!r} is not a whole "
                           "number >= 0 (0 means a new stream)")
    _refuse_repeated_or_foreign(events)
    return [_pending(stream_id, expected_version + offset, event, recorded_at)
            for offset, event in enumerate(events, start=1)]


def check_stream_id(stream_id: str) -> None:
    """Refuse a stream id that is not non-empty text PostgreSQL can store."""
    if not isinstance(stream_id, str) or not stream_id or "\x00" in stream_id:
        raise InvalidEvent(f"stream id {stream_id!r} is not non-empty text without NUL characters")


def _pending(stream_id: str, stream_version: int, event: NewEvent, recorded_at: datetime) -> PendingEvent:
    if "\x00" in event.type:
        raise InvalidEvent(f"event type {event.type!r} contains the NUL character")
    payload = normalised(event.payload, f"payload of {event.type}")
    content = event_content(stream_id, stream_version, event.event_id, event.type, event.schema_version,
                            canonical_json(payload), metadata_json(event.metadata), recorded_at)
    return PendingEvent(stream_id, stream_version, event.event_id, event.type, event.schema_version, payload,
                        event.metadata, recorded_at, content)


def _refuse_repeated_or_foreign(events: Sequence[NewEvent]) -> None:
    seen: set[UUID] = set()
    for event in events:
        if not isinstance(event, NewEvent):
            raise InvalidEvent(f"{event!r} is not a NewEvent; append takes NewEvent values")
        if event.event_id in seen:
            raise DuplicateEvent(event.event_id, "appears twice in one append")
        seen.add(event.event_id)
