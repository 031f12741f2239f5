"""Credit on Kafka: the tracked consumer of the registry topic (credit's own view of the registry), the consumer
copying the registry's compacted identity-digest topic into its table, and the relay publishing credit's events."""

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
from hoanhap_credit.adapters.identity_digest_consumer import IdentityDigestConsumer, subscribe_digests
from hoanhap_credit.adapters.identity_digests import PostgresIdentityDigests
from hoanhap_credit.adapters.publishing import credit_message
from hoanhap_credit.settings import CreditSettings


@asynccontextmanager
async def messaging_running(runtime: Runtime, handle: Handler, digests: PostgresIdentityDigests,
                            settings: CreditSettings, store: PostgresEventStore) -> AsyncIterator[None]:
    """Both consumers and the relay as tasks of the service process, sharing one producer, stopped with it."""
    producer = idempotent_producer(settings.kafka_bootstrap_servers)
    await producer.start()
    registry = TrackedConsumer(f"{settings.consumer_group}-registry", [REGISTRY_TOPIC], handle, runtime.pool,
                               producer)
    runtime.consumers.append(registry)
    digest_copy = IdentityDigestConsumer(f"{settings.consumer_group}-identity-digests", runtime.pool, digests)
    broker = KafkaBroker(settings.kafka_bootstrap_servers, logger=broker_logger())
    subscribe(broker, registry)
    subscribe_digests(broker, digest_copy)
    relay = Relay("credit", runtime.pool, store, producer, credit_message)
    runtime.relays.append(relay.name)
    stop = asyncio.Event()
    relaying = asyncio.create_task(run_relay(relay, settings.database_url, store.notify_channel, stop))
    await broker.start()
    try:
        yield
    finally:
        await broker.stop()
        await registry.settled()
        stop.set()
        await relaying
        await producer.stop()
