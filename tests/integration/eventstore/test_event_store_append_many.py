"""Several streams appended together: each written as a single append would be, in order, and all or none."""

import pytest

from hoanhap.eventstore import Alongside, ConcurrencyConflict, DuplicateEvent, PostgresEventStore, StreamAppend
from hoanhap.eventstore.testing import new_stream_id, sample_events

NOTES = "CREATE TABLE IF NOT EXISTS many_notes (stream_id text PRIMARY KEY, note text NOT NULL)"


def noted(stream: str, expected_version: int, events: int) -> StreamAppend:
    note = Alongside("INSERT INTO many_notes (stream_id, note) SELECT $1, $2 FROM appending", (stream, "note"))
    return StreamAppend(stream, expected_version, sample_events(events), alongside=[note])


async def noted_streams(pool) -> set[str]:
    return {row["stream_id"] for row in await pool.fetch("SELECT stream_id FROM many_notes")}


async def test_each_stream_reads_back_as_appended_with_positions_in_the_order_given(
        store: PostgresEventStore, pool) -> None:
    await pool.execute(NOTES)
    plain = new_stream_id()
    appends = [noted(new_stream_id(), 0, 2), StreamAppend(plain, 0, sample_events(1)), noted(new_stream_id(), 0, 3)]
    stored = await store.append_many(appends)
    assert [await store.read_stream(append.stream_id) for append in appends] == stored
    positions = [event.position for events in stored for event in events]
    assert positions == sorted(positions) and len(set(positions)) == 6
    assert await noted_streams(pool) == {appends[0].stream_id, appends[2].stream_id}
    assert (await store.verify_all()).ok


async def test_a_stale_stream_among_them_writes_none_of_them(store: PostgresEventStore, pool) -> None:
    await pool.execute(NOTES)
    taken = new_stream_id()
    await store.append(taken, 0, sample_events(1))
    fresh = [noted(new_stream_id(), 0, 1), noted(new_stream_id(), 0, 1)]
    with pytest.raises(ConcurrencyConflict) as conflict:
        await store.append_many([fresh[0], noted(taken, 0, 1), fresh[1]])
    assert (conflict.value.stream_id, conflict.value.actual_version) == (taken, 1)
    assert [await store.read_stream(append.stream_id) for append in fresh] == [[], []]
    assert await noted_streams(pool) == set() and len(await store.read_stream(taken)) == 1


async def test_a_reused_event_id_writes_none_of_them(store: PostgresEventStore) -> None:
    [event] = sample_events(1)
    await store.append(new_stream_id(), 0, [event])
    fresh = StreamAppend(new_stream_id(), 0, sample_events(2))
    with pytest.raises(DuplicateEvent):
        await store.append_many([fresh, StreamAppend(new_stream_id(), 0, [event])])
    assert await store.read_stream(fresh.stream_id) == []


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


async def test_nothing_to_append_writes_nothing(store: PostgresEventStore) -> None:
    assert await store.append_many([]) == []
    assert await store.last_position() == 0
