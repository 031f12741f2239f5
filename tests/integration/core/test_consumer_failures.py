"""Against the real PostgreSQL and Kafka: a consumer waiting out a lost connection is reported by readiness until it
recovers; a value its column cannot hold is dead-lettered after the bounded tries, not retried forever; a malformed
message Kafka delivers again is dead-lettered once."""

import asyncio
import dataclasses
import time
import uuid

import httpx
from fastapi import FastAPI
from faststream.kafka import KafkaBroker

from hoanhap.consumers import TrackedConsumer, dead_letter_topic, subscribe
from hoanhap.consumers.dead_letters import REASON
from hoanhap.service import health
from hoanhap.service.runtime import Runtime
from tests.support.consuming import effect_recorder, message_of, produce, run_until
from tests.support.kafka_reading import read_topic, read_whole_topic
from tests.support.releases import release


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
        outage = False  # a failed wait above must not leave the consumer retrying for ever
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
    assert consumer.outcomes.counts == {"dead_lettered": 1, "processed": 1, "skipped:dead_lettered_before": 1}


async def test_a_value_its_column_cannot_hold_and_an_interface_error_are_dead_lettered_after_the_bounded_tries(
        pool, producer, topic, kafka_bootstrap_servers):
    await pool.execute("CREATE TABLE IF NOT EXISTS amounts (event_id uuid NOT NULL, vnd bigint NOT NULL)")
    fine, oversized, misused, fine_too = people = [uuid.uuid4() for _ in range(4)]
    name = f"permanent-{uuid.uuid4().hex[:8]}"
    record = effect_recorder(name)

    async def handler(connection, envelopes):
        persons = {envelope.data.person_id for envelope in envelopes}
        if misused in persons:  # a handler bug asyncpg reports as an InterfaceError, which main retried forever
            sleeping = asyncio.create_task(connection.execute("SELECT pg_sleep(0.01)"))
            await asyncio.sleep(0)
            try:
                await connection.fetchval("SELECT 1")
            finally:
                await sleeping
        await connection.execute("INSERT INTO amounts SELECT * FROM unnest($1::uuid[], $2::bigint[])",
                                 [envelope.id for envelope in envelopes],
                                 [2**63 if envelope.data.person_id == oversized else 1 for envelope in envelopes])
        await record(connection, envelopes)

    consumer = TrackedConsumer(name, [topic], handler, pool, producer, max_tries=3, retry_delay=0.01)
    await produce(kafka_bootstrap_servers, [message_of(release(person), topic) for person in people])

    async def settled() -> bool:
        return consumer.outcomes.counts["processed"] == 2 and consumer.outcomes.counts["dead_lettered"] == 2

    await run_until(consumer, kafka_bootstrap_servers, settled)
    letters = await read_topic(kafka_bootstrap_servers, dead_letter_topic(name), expected=2)
    reasons = sorted(dict(letter.headers)[REASON].decode() for letter in letters)
    assert reasons[0].startswith("failed 3 times: DataError: invalid input for query argument $2")
    assert reasons[1] == "failed 3 times: InterfaceError: cannot perform operation: another operation is in progress"
    applied = await pool.fetch("SELECT person_id FROM effects WHERE consumer = $1", name)
    assert sorted(row["person_id"] for row in applied) == sorted([fine, fine_too])
    assert consumer.trouble is None
