"""Stored events cannot be changed through ordinary SQL; the hash chain catches whoever gets past that."""

import asyncpg
import pytest

from hoanhap.eventstore import PostgresEventStore
from hoanhap.eventstore.testing import new_stream_id, sample_events


@pytest.mark.parametrize("statement", ["UPDATE events SET type = 'Rewritten'", "DELETE FROM events",
                                       "TRUNCATE events"])
async def test_changing_stored_events_is_refused(store: PostgresEventStore, pool: asyncpg.Pool,
                                                 statement: str) -> None:
    stream = new_stream_id()
    stored = await store.append(stream, 0, sample_events(2))
    with pytest.raises(asyncpg.RaiseError, match="stored events are immutable"):
        await pool.execute(statement)
    assert await store.read_stream(stream) == stored
