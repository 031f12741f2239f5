"""Two writers expecting the same version: exactly one wins, the other gets ConcurrencyConflict, never a fork."""

import asyncio

import pytest

from hoanhap.eventstore import ConcurrencyConflict, PostgresEventStore
from hoanhap.eventstore.testing import new_stream_id, sample_events


async def test_two_writers_racing_for_the_same_version_one_wins_one_conflicts(
        store: PostgresEventStore, connect) -> None:
    first, second = store.bound_to(await connect()), store.bound_to(await connect())
    for _ in range(20):
        stream = new_stream_id()
        outcomes = await asyncio.gather(first.append(stream, 0, sample_events(2)),
                                        second.append(stream, 0, sample_events(2)), return_exceptions=True)
        winners = [outcome for outcome in outcomes if isinstance(outcome, list)]
        conflicts = [outcome for outcome in outcomes if isinstance(outcome, ConcurrencyConflict)]
        assert (len(winners), len(conflicts)) == (1, 1), outcomes
        assert (conflicts[0].expected_version, conflicts[0].actual_version) == (0, 2)
        assert await store.read_stream(stream) == winners[0]


async def test_a_writer_that_read_the_head_before_a_rival_committed_gets_a_conflict(
        store: PostgresEventStore, connect) -> None:
    stream, rival = new_stream_id(), await connect()
    rival_transaction = rival.transaction()
    await rival_transaction.start()
    await store.bound_to(rival).append(stream, 0, sample_events(1))
    ours = asyncio.create_task(store.append(stream, 0, sample_events(1)))  # sees version 0, waits for the rival
    await asyncio.sleep(0.2)
    assert not ours.done()
    await rival_transaction.commit()
    with pytest.raises(ConcurrencyConflict) as conflict:
        await ours  # the (stream_id, stream_version) unique index turned the race into a conflict
    assert (conflict.value.expected_version, conflict.value.actual_version) == (0, 1)
    assert await store.stream_version(stream) == 1


async def test_writers_retrying_on_conflicts_build_one_unbroken_stream(store: PostgresEventStore, connect) -> None:
    stream = new_stream_id()

    async def append_ten(writer: PostgresEventStore) -> int:
        conflicts = 0
        for _ in range(10):
            while True:
                try:
                    await writer.append(stream, await writer.stream_version(stream), sample_events(1))
                    break
                except ConcurrencyConflict:
                    conflicts += 1
        return conflicts

    writers = [store.bound_to(await connect()) for _ in range(8)]
    conflicts = await asyncio.gather(*(append_ten(writer) for writer in writers))
    events = await store.read_stream(stream)
    assert [event.stream_version for event in events] == list(range(1, 81))
    assert sum(conflicts) > 0, "the writers never raced"
    assert (await store.verify_stream(stream)).ok
