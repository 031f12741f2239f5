"""Stress proof of gap safety: 32 writers, a fifth of their transactions rolled back, one reader tailing.

Writers hold their transactions open for a random while after appending, and half of them take a
transaction id before appending (as a caller writing an idempotency row first does), so the interleavings
that make a naive reader skip events (see the control tests in test_event_store_gap_safety.py) happen all
the time. The assertions hold for every interleaving, so the test is not flaky; an unserialised store, or
a reader that skips, loses events and fails it.
"""

import asyncio
import random
from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

import asyncpg

from hoanhap.eventstore import ConcurrencyConflict, PostgresEventStore, StoredEvent
from hoanhap.eventstore.testing import new_stream_id, sample_events

WRITERS = 32
TRANSACTIONS_PER_WRITER = 25
STREAMS = 40
ROLLBACK_SHARE = 0.2


class DeliberateRollback(Exception):
    """Raised inside a writer's transaction after appending, so the appended events must vanish."""


@dataclass
class Ledger:
    """What the writers know they committed or rolled back."""

    committed: list[StoredEvent] = field(default_factory=list)
    rolled_back: set[UUID] = field(default_factory=set)
    conflicts: int = 0


@dataclass
class Tail:
    """What the reader saw, and how many non-empty pages it read while writers were still writing."""

    seen: list[StoredEvent] = field(default_factory=list)
    pages_while_writing: int = 0


async def write(store: PostgresEventStore, connection: asyncpg.Connection, streams: list[str],
                ledger: Ledger, rng: random.Random) -> None:
    writer = store.bound_to(connection)
    for _ in range(TRANSACTIONS_PER_WRITER):
        stream, events = rng.choice(streams), sample_events(rng.randint(1, 4))
        try:
            async with connection.transaction():
                if rng.random() < 0.5:
                    await connection.fetchval("SELECT pg_current_xact_id()")
                stored = await writer.append(stream, await writer.stream_version(stream), events)
                await asyncio.sleep(rng.uniform(0, 0.003))
                if rng.random() < ROLLBACK_SHARE:
                    raise DeliberateRollback
        except DeliberateRollback:
            ledger.rolled_back.update(event.event_id for event in events)
        except ConcurrencyConflict:
            ledger.conflicts += 1
        else:
            ledger.committed.extend(stored)


async def tail(store: PostgresEventStore, writers_done: asyncio.Event, result: Tail) -> None:
    position = 0
    while True:
        finished_before_reading = writers_done.is_set()
        page = await store.read_all_after(position, limit=25)
        if page:
            result.seen.extend(page)
            position = page[-1].position
            result.pages_while_writing += not finished_before_reading
        elif finished_before_reading:
            return
        else:
            await asyncio.sleep(0.0005)


async def test_a_tailing_reader_sees_every_committed_event_once_and_no_rolled_back_one(
        store: PostgresEventStore, connect) -> None:
    streams = [new_stream_id() for _ in range(STREAMS)]
    connections = [await connect() for _ in range(WRITERS)]
    ledger, result, writers_done = Ledger(), Tail(), asyncio.Event()
    reader = asyncio.create_task(tail(store, writers_done, result))
    await asyncio.gather(*(write(store, connection, streams, ledger, random.Random(seed))
                           for seed, connection in enumerate(connections)))
    writers_done.set()
    await reader

    seen_ids = [event.event_id for event in result.seen]
    committed_ids = {event.event_id for event in ledger.committed}
    assert len(seen_ids) == len(set(seen_ids)), "the reader saw an event twice"
    assert committed_ids - set(seen_ids) == set(), "the reader skipped committed events"
    assert set(seen_ids) & ledger.rolled_back == set(), "the reader saw rolled-back events"
    assert set(seen_ids) == committed_ids
    assert [event.position for event in result.seen] == sorted(event.position for event in result.seen)
    assert_each_stream_in_version_order(result.seen)
    assert len(ledger.rolled_back) > 100 and len(committed_ids) > 500, "the run did not exercise both outcomes"
    assert result.pages_while_writing > 10, "the reader did not tail while writers were writing"
    assert result.seen == await store.read_all_after(0, limit=100_000)
    assert (await store.verify_all()).ok


def assert_each_stream_in_version_order(events: list[StoredEvent]) -> None:
    versions: dict[str, list[int]] = defaultdict(list)
    for event in events:
        versions[event.stream_id].append(event.stream_version)
    for stream, seen in versions.items():
        assert seen == list(range(1, len(seen) + 1)), f"stream {stream} was read out of order: {seen}"
