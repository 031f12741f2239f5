"""The canonical text events are stored and hashed in: normal-form JSON with sorted keys, no spaces, UTF-8."""

import json
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from uuid import UUID

from hoanhap.eventstore.errors import InvalidEvent
from hoanhap.eventstore.events import EventMetadata

_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def canonical_json(value: Any) -> str:
    """The canonical text of an already normalised JSON value."""
    return _ENCODER.encode(value)


@lru_cache(maxsize=1024)
def metadata_json(metadata: EventMetadata) -> str:
    """The canonical text of an event's metadata (a batch's events usually share theirs)."""
    return canonical_json(metadata.model_dump(mode="json"))


@lru_cache(maxsize=64)
def timestamp_text(moment: datetime) -> str:
    """A timezone-aware time as UTC ISO 8601 text with microseconds, e.g. 2026-01-15T07:30:00.000000Z."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidEvent(f"time {moment.isoformat()} has no time zone; the store records UTC times")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_content(
    stream_id: str, stream_version: int, event_id: UUID, event_type: str, schema_version: int,
    payload_json: str, metadata_json: str, recorded_at: datetime,
) -> bytes:
    """The canonical JSON of an event's content fields (keys sorted), the bytes its hash covers."""
    return utf8(
        f'{{"event_id":"{event_id}","metadata":{metadata_json},"payload":{payload_json},'
        f'"recorded_at":"{timestamp_text(recorded_at)}","schema_version":{schema_version},'
        f'"stream_id":{_string(stream_id)},"stream_version":{stream_version},"type":{_string(event_type)}}}',
        f"event {event_type} of stream {stream_id!r}",
    )


def utf8(text: str, what: str) -> bytes:
    """text as UTF-8; InvalidEvent when it holds a lone surrogate, which is not Unicode text."""
    try:
        return text.encode()
    except UnicodeEncodeError as error:
        raise InvalidEvent(f"{what} holds {text[error.start:error.end]!r}, half of a UTF-16 pair, "
                           "which is not valid Unicode text") from error


def _string(text: str) -> str:
    return _ENCODER.encode(text)
