"""Supervision on Kafka: the tracked consumer of the registry topic (its own view of the registry, and the cases
the registry's facts open, move and close) and the relay publishing supervision's integration events."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from faststream.kafka import KafkaBroker

from hoanhap.consumers import Handler, TrackedConsumer, subscribe
from hoanhap.contracts import REGISTRY_TOPIC
from hoanhap.eventstore import PostgresEventStore
from hoanhap.observability import broker_logger
from hoanhap.relay import Relay, idempotent_producer, run_relay
from hoanhap.service.runtime import Runtime
from hoanhap_supervision.adapters.publishing import supervision_message
from hoanhap_supervision.settings import SupervisionSettings

SERVICE = "supervision"


@asynccontextmanager
async def messaging_running(runtime: Runtime, store: PostgresEventStore, handle: Handler,
                            settings: SupervisionSettings) -> AsyncIterator[None]:
    """The consumer and the relay as tasks of the service process, sharing one producer, stopped with it."""
    producer = idempotent_producer(settings.kafka_bootstrap_servers)
    await producer.start()
    consumer = TrackedConsumer(f"{settings.consumer_group}-registry", [REGISTRY_TOPIC], handle, runtime.pool,
                               producer)
    runtime.consumers.append(consumer)
    broker = KafkaBroker(settings.kafka_bootstrap_servers, logger=broker_logger())
    subscribe(broker, consumer)
    relay = Relay(SERVICE, runtime.pool, store, producer, supervision_message)
    runtime.relays.append(relay.name)
    stop = asyncio.Event()
    relaying = asyncio.create_task(run_relay(relay, settings.database_url, store.notify_channel, stop))
    await broker.start()
    try:
        yield
    finally:
        await broker.stop()
        await consumer.settled()
        stop.set()
        await relaying
        await producer.stop()
