"""The event store's capabilities, each behind its own small interface, and the store that has them all."""

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any

from hoanhap.eventstore.events import NewEvent, Snapshot, StoredEvent
from hoanhap.eventstore.verification import StoreVerification, VerificationResult


class StreamWriter(ABC):
    """Appends events to one stream under optimistic concurrency."""

    @abstractmethod
    async def append(self, stream_id: str, expected_version: int, events: Sequence[NewEvent]) -> list[StoredEvent]:
        """Append events after expected_version (0: new stream), all or none; ConcurrencyConflict if it moved on."""


class StreamReader(ABC):
    """Reads one stream, to load an aggregate."""

    @abstractmethod
    async def read_stream(self, stream_id: str, from_version: int = 1,
                          to_version: int | None = None) -> list[StoredEvent]:
        """The stream's events from from_version to to_version (inclusive; None: the last), in version order."""

    @abstractmethod
    async def stream_version(self, stream_id: str) -> int:
        """The stream's current version: its number of events, 0 for a stream never written."""


class EventFeed(ABC):
    """Reads everything committed, in global order, for the relay and for replays."""

    @abstractmethod
    async def read_all_after(self, position: int, limit: int = 500) -> list[StoredEvent]:
        """Up to limit committed events after position, in position order; a later call never finds one earlier."""

    @abstractmethod
    async def last_position(self) -> int:
        """The position of the newest committed event, 0 for an empty store."""


class ChainVerifier(ABC):
    """Checks the hash chains that make tampering evident: each stream's, and the global one through them all."""

    @abstractmethod
    async def verify_stream(self, stream_id: str) -> VerificationResult:
        """Verify one stream's chain: ok, or its first bad event and why."""

    @abstractmethod
    async def verify_all(self) -> StoreVerification:
        """Verify every stream of the store and the global chain, reporting the first bad event of each stream that
        fails and the chain's first broken link."""


class SnapshotStore(ABC):
    """Keeps the newest snapshot of a stream, so loading need not replay it from the start."""

    @abstractmethod
    async def save_snapshot(self, stream_id: str, stream_version: int, state: Mapping[str, Any]) -> None:
        """Keep state as of stream_version unless a newer snapshot is kept; SnapshotAheadOfStream if too new."""

    @abstractmethod
    async def load_snapshot(self, stream_id: str) -> Snapshot | None:
        """The newest snapshot kept for the stream, or None."""


class EventStore(StreamWriter, StreamReader, EventFeed, ChainVerifier, SnapshotStore, ABC):
    """Every capability of one service's event store."""
