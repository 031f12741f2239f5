"""Appending inside the caller's own transaction, together with its other writes (an idempotency key)."""

import asyncpg
import pytest

from hoanhap.eventstore import ConcurrencyConflict, PostgresEventStore
from hoanhap.eventstore.testing import new_stream_id, sample_events

HANDLED = "CREATE TABLE handled_requests (idempotency_key text PRIMARY KEY)"


class HandlerFailed(Exception):
    """A handler failing after it appended."""


async def handled(pool: asyncpg.Pool, key: str) -> bool:
    return bool(await pool.fetchval("SELECT count(*) FROM handled_requests WHERE idempotency_key = $1", key))


async def test_events_and_the_idempotency_key_commit_together(store: PostgresEventStore, pool, connect) -> None:
    connection, stream = await connect(), new_stream_id()
    await connection.execute(HANDLED)
    async with connection.transaction():
        await connection.execute("INSERT INTO handled_requests VALUES ('request-1')")
        stored = await store.bound_to(connection).append(stream, 0, sample_events(2))
        assert await store.bound_to(connection).read_stream(stream) == stored  # its own writes, uncommitted
        assert await store.read_stream(stream) == []  # others see nothing yet
    assert await handled(pool, "request-1")
    assert await store.read_stream(stream) == stored


async def test_a_failed_handler_leaves_neither_events_nor_key(store: PostgresEventStore, pool, connect) -> None:
    connection, stream = await connect(), new_stream_id()
    await connection.execute(HANDLED)
    with pytest.raises(HandlerFailed):
        async with connection.transaction():
            await connection.execute("INSERT INTO handled_requests VALUES ('request-2')")
            await store.bound_to(connection).append(stream, 0, sample_events(2))
            raise HandlerFailed
    assert not await handled(pool, "request-2")
    assert await store.read_stream(stream) == []
    assert await store.read_all_after(0) == []


async def test_a_stale_version_leaves_the_caller_transaction_usable(store: PostgresEventStore, pool,
                                                                      connect) -> None:
    connection, stream = await connect(), new_stream_id()
    await connection.execute(HANDLED)
    await store.append(stream, 0, sample_events(1))
    async with connection.transaction():
        with pytest.raises(ConcurrencyConflict):
            await store.bound_to(connection).append(stream, 0, sample_events(1))
        await connection.execute("INSERT INTO handled_requests VALUES ('request-3')")
    assert await handled(pool, "request-3")
    assert await store.stream_version(stream) == 1
