"""Against the real PostgreSQL and Kafka: a consumer waiting out a lost connection is reported by readiness until it
recovers, and a malformed message Kafka delivers again is dead-lettered once."""

import asyncio
import dataclasses
import time
import uuid

import httpx
import pytest
from fastapi import FastAPI
from faststream.kafka import KafkaBroker

from hoanhap.consumers import TrackedConsumer, dead_letter_topic, subscribe
from hoanhap.service import health
from hoanhap.service.runtime import Runtime
from tests.support.consuming import effect_recorder, message_of, produce
from tests.support.kafka_reading import read_topic, read_whole_topic
from tests.support.releases import release


@pytest.fixture
async def producer(kafka_bootstrap_servers):
    from hoanhap.relay import idempotent_producer

    producer = idempotent_producer(kafka_bootstrap_servers)
    await producer.start()
    yield producer
    await producer.stop()


async def readiness_until(app: FastAPI, status: int, timeout: float = 60) -> dict:
    """The readiness answer once it has the status (the consumer's retries take their time)."""
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://stats") as client:
        while (answer := await client.get("/health/ready")).status_code != status:
            assert time.monotonic() < deadline, f"readiness never answered {status}: {answer.json()}"
            await asyncio.sleep(0.1)
    return dict(answer.json())


async def test_readiness_names_a_consumer_that_keeps_losing_its_connection_and_is_ready_again_once_it_recovers(
        pool, producer, topic, kafka_bootstrap_servers):
    name = f"losing-{uuid.uuid4().hex[:8]}"
    record = effect_recorder(name)
    outage = True

    async def handler(connection, envelopes):
        if outage:  # a real lost connection: the server ends this session mid-transaction
            await connection.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        await record(connection, envelopes)

    consumer = TrackedConsumer(name, [topic], handler, pool, producer, retry_delay=0.05, retry_grace=0)
    await produce(kafka_bootstrap_servers, [message_of(release(uuid.uuid4()), topic)])
    broker = KafkaBroker(kafka_bootstrap_servers)
    subscribe(broker, consumer)
    app = FastAPI()
    app.include_router(health.router)
    app.state.runtime = Runtime(pool=pool, broker=broker, consumers=[consumer])
    await broker.start()
    try:
        troubled = await readiness_until(app, 503)
        outage = False
        ready = await readiness_until(app, 200)
    finally:
        await broker.stop()
        await consumer.settled()

    assert troubled["checks"]["database"] == "ok" and troubled["checks"]["broker"] == "ok"
    assert troubled["checks"]["consumers"].startswith(f"{name} retrying for ")
    assert troubled["checks"]["consumers"].endswith(": ConnectionDoesNotExistError")
    assert ready["checks"]["consumers"] == "ok"
    assert consumer.outcomes.counts == {"processed": 1}, "waited out, neither dead-lettered nor skipped"


async def test_a_malformed_message_delivered_again_is_dead_lettered_once(pool, producer, topic,
                                                                          kafka_bootstrap_servers):
    message = message_of(release(uuid.uuid4()), topic)
    await produce(kafka_bootstrap_servers, [dataclasses.replace(message, value=b"[" * 200_000), message])
    records = await read_topic(kafka_bootstrap_servers, topic, expected=2)
    name = f"redelivered-{uuid.uuid4().hex[:8]}"
    consumer = TrackedConsumer(name, [topic], effect_recorder(name), pool, producer, retry_delay=0.01)

    await consumer.process(records)
    await consumer.process(records)  # as after a rebalance before Kafka heard of the stored offsets

    assert len(await read_whole_topic(kafka_bootstrap_servers, dead_letter_topic(name))) == 1
    assert consumer.outcomes.counts == {"dead_lettered": 1, "processed": 1}
