"""Running a tracked consumer in-process against the real broker until a condition holds."""

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer
from faststream.kafka import KafkaBroker

from hoanhap.consumers import Handler, TrackedConsumer, subscribe
from hoanhap.contracts import Envelope, IntegrationEvent, KafkaMessage, to_kafka_message
from hoanhap.postgres.connections import Connection


def effect_recorder(consumer_name: str) -> Handler:
    """A handler whose only effect is one row per applied event (no unique key: duplicates would show)."""

    async def record(connection: Connection, envelopes: Sequence[Envelope]) -> None:
        await connection.executemany("INSERT INTO effects VALUES ($1, $2, $3)", [
            (envelope.id, uuid.UUID(envelope.subject), consumer_name) for envelope in envelopes])

    return record


async def run_until(consumer: TrackedConsumer, bootstrap_servers: str, done: Callable[[], Awaitable[bool]],
                    timeout: float = 60.0) -> None:
    """Consume with a real FastStream broker until done() is true; fail after timeout."""
    broker = KafkaBroker(bootstrap_servers)
    subscribe(broker, consumer)
    await broker.start()
    try:
        deadline = time.monotonic() + timeout
        while not await done():
            if time.monotonic() > deadline:
                counts = consumer.outcomes.counts
                raise AssertionError(f"consumer {consumer.name} did not finish in {timeout} s: {counts}")
            await asyncio.sleep(0.1)
    finally:
        await broker.stop()
        await consumer.settled()


def message_of(data: IntegrationEvent, topic: str, stream_version: int = 1) -> KafkaMessage:
    """The Kafka message of data on the given topic, as a relay would publish it."""
    envelope = Envelope(id=uuid.uuid4(), time=datetime.now(UTC), stream_version=stream_version,
                        correlation_id=str(uuid.uuid4()), data=data)
    message = to_kafka_message(envelope)
    return KafkaMessage(topic=topic, key=message.key, value=message.value, headers=message.headers)


async def produce(bootstrap_servers: str, messages: list[KafkaMessage]) -> None:
    """Send the messages in order and wait for the broker's acks."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers, enable_idempotence=True, acks="all")
    await producer.start()
    try:
        for message in messages:
            await producer.send_and_wait(message.topic, message.value, key=message.key, headers=message.headers)
    finally:
        await producer.stop()
