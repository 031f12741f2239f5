"""The long-lived resources of a running service, created in the app's lifespan."""

from dataclasses import dataclass, field

import asyncpg
from faststream.kafka import KafkaBroker

from hoanhap.consumers import TrackedConsumer
from hoanhap.observability import broker_logger
from hoanhap.postgres.pool import create_pool
from hoanhap.service.settings import ServiceSettings


@dataclass
class Runtime:
    """The database pool and the Kafka broker connection of one service process, its tracked consumers and the
    names of its relays (which the readiness check watches)."""

    pool: asyncpg.Pool
    broker: KafkaBroker
    consumers: list[TrackedConsumer] = field(default_factory=list)
    relays: list[str] = field(default_factory=list)


async def open_runtime(settings: ServiceSettings) -> Runtime:
    """Connect to the service's database and to Kafka."""
    pool = await create_pool(settings.database_url, min_size=1, max_size=10, schema=settings.database_schema)
    broker = KafkaBroker(settings.kafka_bootstrap_servers, request_timeout_ms=5000, logger=broker_logger())
    try:
        await broker.start()
    except Exception:
        await pool.close()
        raise
    return Runtime(pool=pool, broker=broker)


async def close_runtime(runtime: Runtime) -> None:
    """Disconnect from Kafka and the database."""
    await runtime.broker.stop()
    await runtime.pool.close()
