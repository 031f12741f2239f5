"""Several streams appended together inside a caller's transaction (PostgreSQL only: a savepoint). What every
store does with several streams is in the contract suite, ``hoanhap.eventstore.testing.append_many_contract``."""

import pytest

from hoanhap.eventstore import Alongside, ConcurrencyConflict, PostgresEventStore, StreamAppend
from hoanhap.eventstore.testing import new_stream_id, sample_events

NOTES = "CREATE TABLE IF NOT EXISTS many_notes (stream_id text PRIMARY KEY, note text NOT NULL)"


def noted(stream: str, expected_version: int, events: int) -> StreamAppend:
    note = Alongside("INSERT INTO many_notes (stream_id, note) SELECT $1, $2 FROM appending", (stream, "note"))
    return StreamAppend(stream, expected_version, sample_events(events), alongside=[note])


async def noted_streams(pool) -> set[str]:
    return {row["stream_id"] for row in await pool.fetch("SELECT stream_id FROM many_notes")}


async def test_inside_the_callers_transaction_a_conflict_leaves_the_callers_earlier_writes_usable(
        store: PostgresEventStore, pool) -> None:
    await pool.execute(NOTES)
    taken = new_stream_id()
    await store.append(taken, 0, sample_events(1))
    kept = new_stream_id()
    async with pool.acquire() as connection, connection.transaction():
        bound = store.bound_to(connection)
        await bound.append(kept, 0, sample_events(1))
        with pytest.raises(ConcurrencyConflict):
            await bound.append_many([noted(new_stream_id(), 0, 1), noted(taken, 0, 1)])
        await bound.append(kept, 1, sample_events(1))
    assert len(await store.read_stream(kept)) == 2 and await noted_streams(pool) == set()
