"""Our side of `make bench-core`: event store appends, the relay, a tracked consumer."""

import asyncio
import time
import uuid

import asyncpg

from hoanhap.consumers import TrackedConsumer, install_consumer_schema, subscribe
from hoanhap.eventstore import PostgresEventStore, install_event_store_schema
from hoanhap.postgres.pool import create_pool
from hoanhap.relay import Relay, idempotent_producer, install_relay_schema
from tests.support.releases import TOPIC_VARIABLE, map_event, new_release_event


async def open_pool(database_url: str) -> asyncpg.Pool:
    """A pool with every core table installed."""
    pool = await create_pool(database_url, min_size=4, max_size=32)
    await install_event_store_schema(pool)
    await install_relay_schema(pool)
    await install_consumer_schema(pool)
    return pool


async def single_event_appends_per_second(pool: asyncpg.Pool, count: int, writers: int) -> float:
    """Each append its own transaction, on `writers` concurrent connections."""
    store = PostgresEventStore(pool)
    events = [new_release_event(uuid.uuid4()) for _ in range(count)]

    async def writer(share: list) -> None:
        for event in share:
            await store.append(str(uuid.uuid4()), 0, [event])

    started = time.perf_counter()
    await asyncio.gather(*(writer(events[i::writers]) for i in range(writers)))
    return count / (time.perf_counter() - started)


async def batched_appends_per_second(pool: asyncpg.Pool, count: int, batch: int, writers: int) -> float:
    """Appends of `batch` events each (one transaction per batch), on `writers` concurrent connections."""
    store = PostgresEventStore(pool)
    person = uuid.uuid4()
    batches = [[new_release_event(person) for _ in range(batch)] for _ in range(count // batch)]

    async def writer(share: list) -> None:
        for events in share:
            await store.append(str(uuid.uuid4()), 0, events)

    started = time.perf_counter()
    await asyncio.gather(*(writer(batches[i::writers]) for i in range(writers)))
    return count / (time.perf_counter() - started)


async def relay_events_per_second(pool: asyncpg.Pool, bootstrap: str, topic: str) -> tuple[float, int]:
    """Publish everything in the store from position 0 to Kafka, waiting for every ack."""
    import os

    os.environ[TOPIC_VARIABLE] = topic
    producer = idempotent_producer(bootstrap)
    await producer.start()
    relay = Relay(f"bench-{topic}", pool, PostgresEventStore(pool), producer, map_event, batch_size=5000)
    published = 0
    try:
        started = time.perf_counter()
        while batch := await relay.publish_next_batch():
            published += batch
        return published / (time.perf_counter() - started), published
    finally:
        await producer.stop()


async def tracked_consumer_events_per_second(pool: asyncpg.Pool, bootstrap: str, topic: str, count: int) -> float:
    """A tracked consumer whose effect is one row per event, reading the relay's topic from the start."""
    from faststream.kafka import KafkaBroker

    await pool.execute("CREATE TABLE IF NOT EXISTS bench_effects (event_id uuid PRIMARY KEY, person_id uuid)")
    producer = idempotent_producer(bootstrap)
    await producer.start()

    async def effect(connection, envelopes) -> None:  # type: ignore[no-untyped-def]
        await connection.executemany("INSERT INTO bench_effects VALUES ($1, $2)",
                                     [(envelope.id, envelope.data.person_id) for envelope in envelopes])

    consumer = TrackedConsumer(f"bench-{topic}", [topic], effect, pool, producer)
    broker = KafkaBroker(bootstrap, logger=None)
    subscribe(broker, consumer, max_records=2000)
    started = time.perf_counter()
    await broker.start()
    try:
        while sum(consumer.outcomes.counts.values()) < count:
            await asyncio.sleep(0.05)
        return count / (time.perf_counter() - started)
    finally:
        await broker.stop()
        await consumer.settled()
        await producer.stop()
