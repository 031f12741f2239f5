"""An event store in memory with the PostgreSQL store's semantics, for services' unit tests."""

import bisect
import copy
import dataclasses
from collections.abc import Mapping, Sequence
from itertools import chain
from typing import Any
from uuid import UUID

from hoanhap.eventstore import read_arguments
from hoanhap.eventstore.canonical import canonical_document
from hoanhap.eventstore.clock import Clock, utc_now
from hoanhap.eventstore.errors import ConcurrencyConflict, DuplicateEvent, SnapshotAheadOfStream
from hoanhap.eventstore.events import NewEvent, Snapshot, StoredEvent
from hoanhap.eventstore.feed_audit import FeedAudit, FeedLink, with_feed
from hoanhap.eventstore.hash_chain import GENESIS, chained_hash, feed_hash
from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.pending import check_stream_id, prepare_append
from hoanhap.eventstore.stream_audit import StoreAudit, audit_stream
from hoanhap.eventstore.verification import StoreVerification, VerificationResult


class InMemoryEventStore(EventStore):
    """Keeps events in lists; appends are atomic because they never yield to the event loop half-way."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self._clock = clock
        self._log: list[StoredEvent] = []
        self._positions: list[int] = []
        self._streams: dict[str, list[StoredEvent]] = {}
        self._event_ids: set[UUID] = set()
        self._snapshots: dict[str, Snapshot] = {}

    async def append(self, stream_id: str, expected_version: int, events: Sequence[NewEvent]) -> list[StoredEvent]:
        """Append events after expected_version (0: new stream), all or none; ConcurrencyConflict if it moved on."""
        pending = prepare_append(stream_id, expected_version, events, self._clock())
        stream = self._streams.get(stream_id, [])
        if len(stream) != expected_version:
            raise ConcurrencyConflict(stream_id, expected_version, len(stream))
        for event in pending:
            if event.event_id in self._event_ids:
                raise DuplicateEvent(event.event_id)
        previous_hash = bytes.fromhex(stream[-1].hash) if stream else GENESIS
        previous_global_hash = bytes.fromhex(self._log[-1].global_hash) if self._log else GENESIS
        stored = []
        for position, event in enumerate(pending, start=self._last_position() + 1):
            previous_hash = chained_hash(previous_hash, event.content)
            previous_global_hash = feed_hash(previous_global_hash, previous_hash)
            stored.append(event.stored(position, previous_hash, previous_global_hash))
        self._commit(stream_id, stored)
        return [_fresh(event) for event in stored]

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

    async def save_snapshot(self, stream_id: str, stream_version: int, state: Mapping[str, Any]) -> None:
        """Keep state as of stream_version unless a newer snapshot is kept; SnapshotAheadOfStream if too new."""
        check_stream_id(stream_id)
        read_arguments.snapshot_version(stream_id, stream_version)
        current = len(self._streams.get(stream_id, []))
        if stream_version > current:
            raise SnapshotAheadOfStream(stream_id, stream_version, current)
        document, _ = canonical_document(state, f"snapshot state of stream {stream_id!r}")
        snapshot = Snapshot(stream_id, stream_version, document, self._clock())
        kept = self._snapshots.get(stream_id)
        if kept is None or kept.stream_version <= stream_version:
            self._snapshots[stream_id] = snapshot

    async def load_snapshot(self, stream_id: str) -> Snapshot | None:
        """The newest snapshot kept for the stream, or None."""
        kept = self._snapshots.get(stream_id)
        return None if kept is None else dataclasses.replace(kept, state=copy.deepcopy(kept.state))

    def _last_position(self) -> int:
        return self._positions[-1] if self._positions else 0

    def _commit(self, stream_id: str, stored: list[StoredEvent]) -> None:
        self._streams.setdefault(stream_id, []).extend(stored)
        self._log.extend(stored)
        self._positions.extend(event.position for event in stored)
        self._event_ids.update(event.event_id for event in stored)


def _fresh(event: StoredEvent) -> StoredEvent:
    """A copy whose payload the caller may change without changing what is stored, as with PostgreSQL."""
    return dataclasses.replace(event, payload=copy.deepcopy(event.payload))
