"""An event store in memory with the PostgreSQL store's semantics, for services' unit tests.

It cannot run the SQL of writes alongside; it keeps those of committed appends in ``written_alongside``, in order,
so a test can see what would have been written with the events."""

import bisect
import copy
import dataclasses
from collections.abc import Sequence
from itertools import chain
from uuid import UUID

from hoanhap.eventstore import read_arguments
from hoanhap.eventstore.clock import Clock, utc_now
from hoanhap.eventstore.errors import ConcurrencyConflict, DuplicateEvent
from hoanhap.eventstore.events import Alongside, NewEvent, StoredEvent, StreamAppend
from hoanhap.eventstore.feed_audit import FeedAudit, FeedLink, with_feed
from hoanhap.eventstore.hash_chain import GENESIS, chained_hash, feed_hash
from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.pending import PendingEvent, prepare_append
from hoanhap.eventstore.stream_audit import StoreAudit, audit_stream
from hoanhap.eventstore.verification import StoreVerification, VerificationResult
from hoanhap.postgres.connections import Connection


class InMemoryEventStore(EventStore):
    """Keeps events in lists; appends are atomic because they never yield to the event loop half-way."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self._clock = clock
        self._log: list[StoredEvent] = []
        self._positions: list[int] = []
        self._streams: dict[str, list[StoredEvent]] = {}
        self._event_ids: set[UUID] = set()
        self.written_alongside: list[Alongside] = []

    def bound_to(self, connection: Connection) -> "InMemoryEventStore":
        """Itself: its appends are atomic already, and it has no transaction to join."""
        return self

    async def append(self, stream_id: str, expected_version: int, events: Sequence[NewEvent],
                     alongside: Sequence[Alongside] = ()) -> list[StoredEvent]:
        """Append events after expected_version (0: new stream), all or none; ConcurrencyConflict if it moved on.
        The writes alongside are kept in ``written_alongside`` when the events go in."""
        [stored] = await self.append_many([StreamAppend(stream_id, expected_version, events, alongside)])
        return stored

    async def append_many(self, appends: Sequence[StreamAppend]) -> list[list[StoredEvent]]:
        """Several streams' appends, each as ``append`` would write it, in order, all or none; a conflict on any
        stream (ConcurrencyConflict names the first) writes none of them."""
        recorded_at = self._clock()
        prepared = [prepare_append(append.stream_id, append.expected_version, append.events, recorded_at)
                    for append in appends]
        self._refuse_conflicts(appends, prepared)
        written = []
        for append, pending in zip(appends, prepared, strict=True):
            written.append(self._commit(append.stream_id, self._chained(append.stream_id, pending)))
            self.written_alongside.extend(append.alongside)
        return [[_fresh(event) for event in stored] for stored in written]

    async def read_stream(self, stream_id: str, from_version: int = 1,
                          to_version: int | None = None) -> list[StoredEvent]:
        """The stream's events from from_version to to_version (inclusive; None: the last), in version order."""
        lower, upper = read_arguments.version_range(from_version, to_version)
        return [_fresh(event) for event in self._streams.get(stream_id, []) if lower <= event.stream_version <= upper]

    async def stream_version(self, stream_id: str) -> int:
        """The stream's current version: its number of events, 0 for a stream never written."""
        return len(self._streams.get(stream_id, []))

    async def read_all_after(self, position: int, limit: int = 500) -> list[StoredEvent]:
        """Up to limit committed events after position, in position order; a later call never finds one earlier."""
        read_arguments.feed_window(position, limit)
        start = bisect.bisect_right(self._positions, position)
        return [_fresh(event) for event in self._log[start:start + limit]]

    async def last_position(self) -> int:
        """The position of the newest committed event, 0 for an empty store."""
        return self._last_position()

    async def verify_stream(self, stream_id: str) -> VerificationResult:
        """Verify one stream's chain: ok, or its first bad event and why."""
        return audit_stream(stream_id, self._streams.get(stream_id, []))

    async def verify_all(self) -> StoreVerification:
        """Verify every stream of the store and the global chain, reporting the first bad event of each stream
        that fails and the chain's first broken link."""
        audit, feed = StoreAudit(), FeedAudit()
        for stream_id in sorted(self._streams):
            for event in self._streams[stream_id]:
                audit.feed(event)
        for event in sorted(chain.from_iterable(self._streams.values()), key=lambda stored: stored.position):
            feed.feed(FeedLink.of(event))  # from the streams, which tampering edits, not from the feed's index
        return with_feed(audit.result(), feed.result())

    def _last_position(self) -> int:
        return self._positions[-1] if self._positions else 0

    def _refuse_conflicts(self, appends: Sequence[StreamAppend], prepared: list[list[PendingEvent]]) -> None:
        """ConcurrencyConflict for the first stale stream, DuplicateEvent for the first event id seen before."""
        heads: dict[str, int] = {}
        for append, pending in zip(appends, prepared, strict=True):  # in order: a later append may continue one
            current = heads.get(append.stream_id, len(self._streams.get(append.stream_id, [])))
            if current != append.expected_version:
                raise ConcurrencyConflict(append.stream_id, append.expected_version, current)
            heads[append.stream_id] = current + len(pending)
        seen = set(self._event_ids)
        for event in chain.from_iterable(prepared):
            if event.event_id in seen:
                raise DuplicateEvent(event.event_id)
            seen.add(event.event_id)

    def _chained(self, stream_id: str, pending: list[PendingEvent]) -> list[StoredEvent]:
        """The pending events as stored after the stream's and the store's last event."""
        stream = self._streams.get(stream_id, [])
        previous_hash = bytes.fromhex(stream[-1].hash) if stream else GENESIS
        previous_global_hash = bytes.fromhex(self._log[-1].global_hash) if self._log else GENESIS
        stored = []
        for position, event in enumerate(pending, start=self._last_position() + 1):
            previous_hash = chained_hash(previous_hash, event.content)
            previous_global_hash = feed_hash(previous_global_hash, previous_hash)
            stored.append(event.stored(position, previous_hash, previous_global_hash))
        return stored

    def _commit(self, stream_id: str, stored: list[StoredEvent]) -> list[StoredEvent]:
        self._streams.setdefault(stream_id, []).extend(stored)
        self._log.extend(stored)
        self._positions.extend(event.position for event in stored)
        self._event_ids.update(event.event_id for event in stored)
        return stored


def _fresh(event: StoredEvent) -> StoredEvent:
    """A copy whose payload the caller may change without changing what is stored, as with PostgreSQL."""
    return dataclasses.replace(event, payload=copy.deepcopy(event.payload))
