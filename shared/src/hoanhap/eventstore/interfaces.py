"""The event store's capabilities, each behind its own small interface, and the store that has them all."""

from abc import ABC, abstractmethod
from collections.abc import Sequence

from hoanhap.eventstore.events import Alongside, NewEvent, StoredEvent, StreamAppend
from hoanhap.eventstore.verification import StoreVerification, VerificationResult
from hoanhap.postgres.connections import Connection


class StreamWriter(ABC):
    """Appends events to streams under optimistic concurrency, with the writes that must commit with them."""

    @abstractmethod
    async def append(self, stream_id: str, expected_version: int, events: Sequence[NewEvent],
                     alongside: Sequence[Alongside] = ()) -> list[StoredEvent]:
        """Append events after expected_version (0: new stream), all or none; ConcurrencyConflict if it moved on.
        The writes alongside commit with the events or not at all."""

    @abstractmethod
    async def append_many(self, appends: Sequence[StreamAppend]) -> list[list[StoredEvent]]:
        """Several streams' appends, each as ``append`` would write it, in order, all or none; a conflict on any
        stream (ConcurrencyConflict names the first) writes none of them."""

    @abstractmethod
    def bound_to(self, connection: Connection) -> "EventStore":
        """This store working inside the caller's connection and transaction, so its appends commit with the
        caller's other writes (a store without transactions of its own gives itself back)."""


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


class EventStore(StreamWriter, StreamReader, EventFeed, ChainVerifier, ABC):
    """Every capability of one service's event store."""
