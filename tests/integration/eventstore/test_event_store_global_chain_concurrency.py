"""Concurrent appends keep ONE global chain: each continues from the append that committed just before it, even
one that committed while it waited for the append lock; an isolation level that could fork the chain is refused."""

import asyncio

import asyncpg
import pytest

from hoanhap.eventstore import PostgresEventStore, StreamAppend
from hoanhap.eventstore.testing import new_stream_id, sample_events

WRITERS = 16
APPENDS_PER_WRITER = 8


async def append_repeatedly(store: PostgresEventStore, connection: asyncpg.Connection) -> None:
    writer, stream = store.bound_to(connection), new_stream_id()
    for version in range(0, APPENDS_PER_WRITER * 2, 2):
        if version % 4:
            await writer.append(stream, version, sample_events(2))
        else:
            await writer.append_many([StreamAppend(stream, version, sample_events(1)),
                                      StreamAppend(new_stream_id(), 0, sample_events(1))])
            await writer.append(stream, version + 1, sample_events(1))


async def test_concurrent_appends_form_one_unbroken_global_chain(store: PostgresEventStore, connect) -> None:
    connections = [await connect() for _ in range(WRITERS)]
    await asyncio.gather(*(append_repeatedly(store, connection) for connection in connections))
    verdict = await store.verify_all()
    assert verdict.broken_link is None, verdict.broken_link.explanation if verdict.broken_link else ""
    assert verdict.ok and verdict.events_checked == WRITERS * APPENDS_PER_WRITER * 2 + WRITERS * APPENDS_PER_WRITER // 2


@pytest.mark.parametrize("isolation", ["repeatable_read", "serializable"])
async def test_an_append_under_a_snapshot_isolation_level_is_refused(store: PostgresEventStore, pool: asyncpg.Pool,
                                                                     isolation: str) -> None:
    stream = new_stream_id()
    async with pool.acquire() as connection:
        with pytest.raises(asyncpg.RaiseError, match="events are appended under READ COMMITTED"):
            async with connection.transaction(isolation=isolation):
                await store.bound_to(connection).append(stream, 0, sample_events(1))
    assert await store.stream_version(stream) == 0
