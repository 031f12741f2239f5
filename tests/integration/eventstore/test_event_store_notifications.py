"""Committed appends NOTIFY a channel (with nothing in the payload) so the relay can wake up at once."""

import asyncio

import pytest

from hoanhap.eventstore import DEFAULT_CHANNEL, ConcurrencyConflict, PostgresEventStore
from hoanhap.eventstore.testing import new_stream_id, sample_events

QUIET = 0.3


@pytest.fixture
async def wake_ups(store: PostgresEventStore, connect) -> asyncio.Queue:
    queue: asyncio.Queue = asyncio.Queue()
    listener = await connect()
    await listener.add_listener(store.notify_channel,
                                lambda _connection, _pid, channel, payload: queue.put_nowait((channel, payload)))
    return queue


async def test_a_committed_append_notifies_with_an_empty_payload(store: PostgresEventStore, wake_ups) -> None:
    await store.append(new_stream_id(), 0, sample_events(3))
    assert await asyncio.wait_for(wake_ups.get(), timeout=5) == (DEFAULT_CHANNEL, "")


async def test_nothing_is_notified_before_commit_or_after_rollback(store: PostgresEventStore, wake_ups,
                                                                   connect) -> None:
    connection = await connect()
    transaction = connection.transaction()
    await transaction.start()
    await store.bound_to(connection).append(new_stream_id(), 0, sample_events(1))
    await asyncio.sleep(QUIET)
    assert wake_ups.empty()
    await transaction.rollback()
    await asyncio.sleep(QUIET)
    assert wake_ups.empty()


async def test_a_refused_append_notifies_nothing(store: PostgresEventStore, wake_ups) -> None:
    stream = new_stream_id()
    await store.append(stream, 0, sample_events(1))
    await asyncio.wait_for(wake_ups.get(), timeout=5)
    with pytest.raises(ConcurrencyConflict):
        await store.append(stream, 0, sample_events(1))
    await asyncio.sleep(QUIET)
    assert wake_ups.empty()


async def test_each_service_can_name_its_own_channel(pool, connect) -> None:
    store = PostgresEventStore(pool, notify_channel="registry_events")
    queue: asyncio.Queue = asyncio.Queue()
    listener = await connect()
    await listener.add_listener("registry_events", lambda *arguments: queue.put_nowait(arguments[2]))
    await store.append(new_stream_id(), 0, sample_events(1))
    assert store.notify_channel == "registry_events"
    assert await asyncio.wait_for(queue.get(), timeout=5) == "registry_events"
