"""What callers append and what the store gives back: events, their metadata, and the writes that go alongside."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field

from hoanhap.eventstore.errors import InvalidEvent

JsonObject = dict[str, Any]


class EventMetadata(BaseModel):
    """Who caused an event and in answer to what: kept with every event for audits and tracing."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    correlation_id: str = Field(min_length=1)
    causation_id: str | None = None
    actor: str = Field(min_length=1)
    agency: str = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event a caller asks the store to append; the store adds version, position, time and hash."""

    type: str
    payload: Mapping[str, Any]
    metadata: EventMetadata
    schema_version: int = 1
    event_id: UUID = field(default_factory=uuid4)

    def __post_init__(self) -> None:
        if not isinstance(self.type, str) or not self.type:
            raise InvalidEvent(f"event type {self.type!r} is not a non-empty name")
        if not isinstance(self.schema_version, int) or self.schema_version < 1:
            raise InvalidEvent(f"schema version {self.schema_version!r} of {self.type} is not a whole number >= 1")
        if not isinstance(self.payload, Mapping):
            raise InvalidEvent(f"payload of {self.type} is a {type(self.payload).__name__}, not a JSON object")
        if not isinstance(self.metadata, EventMetadata):
            raise InvalidEvent(f"metadata of {self.type} is a {type(self.metadata).__name__}, not EventMetadata")
        if not isinstance(self.event_id, UUID):
            raise InvalidEvent(f"event id {self.event_id!r} of {self.type} is not a UUID")


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as committed: its place in its stream and in the whole store, and its hashes in the stream's
    chain and in the whole store's (hex)."""

    position: int
    stream_id: str
    stream_version: int
    event_id: UUID
    type: str
    schema_version: int
    payload: JsonObject
    metadata: EventMetadata
    recorded_at: datetime
    hash: str
    global_hash: str


@dataclass(frozen=True, slots=True)
class Alongside:
    """A write that must commit with the appended events or not at all, run in the append's own statement.

    sql is one data-modifying statement with its own parameters $1, $2, ... and it selects its rows
    ``FROM appending``, a relation holding one row when the events go in and none when the expected version was
    stale, e.g. ``INSERT INTO person_keys (person_id, wrapped_key) SELECT $1, $2 FROM appending``.
    """

    sql: str
    arguments: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class StreamAppend:
    """One stream's share of ``append_many``: events after expected_version (0: a new stream), with the writes
    that go alongside them."""

    stream_id: str
    expected_version: int
    events: Sequence[NewEvent]
    alongside: Sequence[Alongside] = ()
