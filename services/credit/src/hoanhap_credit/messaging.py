"""Credit on Kafka: the tracked consumer of the registry topic (credit's own view of the registry) and the consumer
copying the registry's compacted identity-digest topic into its table."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from faststream.kafka import KafkaBroker

from hoanhap.consumers import Handler, TrackedConsumer, subscribe
from hoanhap.contracts import REGISTRY_TOPIC
from hoanhap.observability import broker_logger
from hoanhap.relay import idempotent_producer
from hoanhap.service.runtime import Runtime
from hoanhap_credit.adapters.identity_digest_consumer import IdentityDigestConsumer, subscribe_digests
from hoanhap_credit.adapters.identity_digests import PostgresIdentityDigests
from hoanhap_credit.settings import CreditSettings


@asynccontextmanager
async def messaging_running(runtime: Runtime, handle: Handler, digests: PostgresIdentityDigests,
                            settings: CreditSettings) -> AsyncIterator[None]:
    """Both consumers as tasks of the service process, stopped with it (the producer sends dead letters)."""
    producer = idempotent_producer(settings.kafka_bootstrap_servers)
    await producer.start()
    registry = TrackedConsumer(f"{settings.consumer_group}-registry", [REGISTRY_TOPIC], handle, runtime.pool,
                               producer)
    runtime.consumers.append(registry)
    digest_copy = IdentityDigestConsumer(f"{settings.consumer_group}-identity-digests", runtime.pool, digests)
    broker = KafkaBroker(settings.kafka_bootstrap_servers, logger=broker_logger())
    subscribe(broker, registry)
    subscribe_digests(broker, digest_copy)
    await broker.start()
    try:
        yield
    finally:
        await broker.stop()
        await registry.settled()
        await producer.stop()
