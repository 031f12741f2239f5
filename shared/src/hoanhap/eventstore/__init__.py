"""The event store: one service's streams of events, appended under optimistic concurrency, read gap-safely
in global order by the relay, hash-chained for audits, with writes alongside that commit with the events.

Two implementations with the same semantics, checked by one shared test suite
(``hoanhap.eventstore.testing``): ``PostgresEventStore`` (the real one) and ``InMemoryEventStore`` (for
services' unit tests).
The migration runner services reuse for their own tables is ``hoanhap.postgres.apply_migrations``.
"""

from hoanhap.eventstore.errors import (
    ConcurrencyConflict,
    DuplicateEvent,
    EventStoreError,
    InvalidEvent,
)
from hoanhap.eventstore.events import Alongside, EventMetadata, NewEvent, StoredEvent, StreamAppend
from hoanhap.eventstore.interfaces import (
    ChainVerifier,
    EventFeed,
    EventStore,
    StreamReader,
    StreamWriter,
)
from hoanhap.eventstore.memory import InMemoryEventStore
from hoanhap.eventstore.postgres import DEFAULT_CHANNEL, PostgresEventStore, install_event_store_schema
from hoanhap.eventstore.verification import BadEvent, Defect, StoreVerification, VerificationResult

__all__ = [
    "Alongside",
    "DEFAULT_CHANNEL",
    "BadEvent",
    "ChainVerifier",
    "ConcurrencyConflict",
    "Defect",
    "DuplicateEvent",
    "EventFeed",
    "EventMetadata",
    "EventStore",
    "EventStoreError",
    "InMemoryEventStore",
    "InvalidEvent",
    "NewEvent",
    "PostgresEventStore",
    "StoreVerification",
    "StoredEvent",
    "StreamAppend",
    "StreamReader",
    "StreamWriter",
    "VerificationResult",
    "install_event_store_schema",
]
