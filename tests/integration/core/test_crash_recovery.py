"""kill -9 at the worst moments loses nothing and duplicates no effect."""

import asyncio
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

from hoanhap.contracts import from_kafka_message
from tests.support.consuming import effect_recorder, run_until
from tests.support.kafka_reading import read_topic
from tests.support.releases import TOPIC_VARIABLE, new_release_event

REPO = Path(__file__).resolve().parents[3]
EVENTS = 6000


def start(module_args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.Popen([sys.executable, "-m", *module_args], cwd=REPO, env=environment,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def count_records(bootstrap: str, topic: str) -> int:
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        from aiokafka import TopicPartition

        ends = await consumer.end_offsets([TopicPartition(topic, p) for p in range(3)])
        return sum(ends.values())
    finally:
        await consumer.stop()


async def append_people(store, count: int) -> set[uuid.UUID]:
    people = {uuid.uuid4() for _ in range(count // 2)}
    for person in people:
        await store.append(str(person), 0, [new_release_event(person), new_release_event(person)])
    return people


async def test_relay_killed_mid_batch_republishes_and_consumer_applies_each_event_once(
        pool, store, topic, database_url, kafka_bootstrap_servers):
    await append_people(store, EVENTS)
    committed = {event.event_id for event in await store.read_all_after(0, EVENTS * 10)}
    relay_args = ["hoanhap.relay", "--database-url", database_url, "--bootstrap-servers", kafka_bootstrap_servers,
                  "--name", f"crash-{topic}", "--mapper", "tests.support.releases:map_event", "--batch-size", "1500"]
    relay = start(relay_args, {TOPIC_VARIABLE: topic})
    while await count_records(kafka_bootstrap_servers, topic) < 2000:
        await asyncio.sleep(0.01)
    relay.send_signal(signal.SIGKILL)
    relay.wait(10)
    published_before_kill = await count_records(kafka_bootstrap_servers, topic)
    assert published_before_kill < EVENTS, "the relay must be killed before it finished"

    relay = start(relay_args, {TOPIC_VARIABLE: topic})
    try:
        records = await read_topic(kafka_bootstrap_servers, topic, expected=EVENTS, timeout=60)
    finally:
        relay.send_signal(signal.SIGTERM)
        relay.wait(10)

    published = [from_kafka_message(r.key, r.value, r.headers).id for r in records]
    assert set(published) == committed, "every committed event reached Kafka"
    print(f"killed after {published_before_kill} acks; {len(published) - len(committed)} republished duplicates")

    from hoanhap.consumers import TrackedConsumer
    from hoanhap.relay import idempotent_producer

    producer = idempotent_producer(kafka_bootstrap_servers)
    await producer.start()
    name = f"after-relay-crash-{topic}"
    consumer = TrackedConsumer(name, [topic], effect_recorder(name), pool, producer)

    async def caught_up() -> bool:
        return sum(consumer.outcomes.counts.values()) >= len(published)

    try:
        await run_until(consumer, kafka_bootstrap_servers, caught_up)
    finally:
        await producer.stop()
    applied = await pool.fetch("SELECT event_id FROM effects WHERE consumer = $1", name)
    assert sorted(row["event_id"] for row in applied) == sorted(committed)


async def test_consumer_killed_between_database_and_offset_commit_applies_each_event_once(
        pool, store, topic, database_url, kafka_bootstrap_servers):
    from tests.support.consuming import message_of, produce
    from tests.support.releases import release

    messages = [message_of(release(uuid.uuid4()), topic) for _ in range(600)]
    await produce(kafka_bootstrap_servers, messages)
    name = f"killed-{topic}"
    args = ["tests.support.consumer_process", database_url, kafka_bootstrap_servers, topic, name]

    crashed = start([*args, "3"])
    assert crashed.wait(60) == -signal.SIGKILL, crashed.stderr.read().decode()[-2000:] if crashed.stderr else ""
    after_crash = await pool.fetchval("SELECT count(*) FROM effects WHERE consumer = $1", name)
    assert 0 < after_crash < len(messages)

    restarted = start(args)
    try:
        for _ in range(600):
            if await pool.fetchval("SELECT count(*) FROM effects WHERE consumer = $1", name) >= len(messages):
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)  # anything duplicated would arrive now
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(20)

    rows = await pool.fetch("SELECT event_id FROM effects WHERE consumer = $1", name)
    expected = sorted(uuid.UUID(dict(m.headers)["ce_id"].decode()) for m in messages)
    assert sorted(row["event_id"] for row in rows) == expected
