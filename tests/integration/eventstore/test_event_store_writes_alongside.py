"""Writes given alongside an append run in its one statement: a failing write leaves no events (PostgreSQL only;
that they commit with the events and not with a stale version is in the contract suite)."""

import asyncpg
import pytest

from hoanhap.eventstore import Alongside, PostgresEventStore
from hoanhap.eventstore.testing import new_stream_id, sample_events

NOTES = "CREATE TABLE IF NOT EXISTS alongside_notes (stream_id text PRIMARY KEY, note text NOT NULL)"


def note(stream: str, text: str) -> Alongside:
    return Alongside("INSERT INTO alongside_notes (stream_id, note) SELECT $1, $2 FROM appending", (stream, text))


async def notes(pool: asyncpg.Pool, stream: str) -> list[str]:
    return [row["note"] for row in await pool.fetch("SELECT note FROM alongside_notes WHERE stream_id = $1", stream)]


async def test_a_failing_write_alongside_leaves_no_events(store: PostgresEventStore, pool) -> None:
    await pool.execute(NOTES)
    stream = new_stream_id()
    await store.append(new_stream_id(), 0, sample_events(1), alongside=[note(stream, "taken")])
    with pytest.raises(asyncpg.UniqueViolationError):
        await store.append(stream, 0, sample_events(1), alongside=[note(stream, "again")])
    assert await store.read_stream(stream) == []
    assert await notes(pool, stream) == ["taken"]
