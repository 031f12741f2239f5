"""A service-like database (event store, relay and consumer tables); the fresh topic per test is the integration
conftest's."""

from collections.abc import AsyncIterator

import asyncpg
import pytest
from aiokafka import AIOKafkaProducer

from hoanhap.consumers import install_consumer_schema
from hoanhap.eventstore import PostgresEventStore, install_event_store_schema
from hoanhap.postgres.pool import create_pool
from hoanhap.relay import idempotent_producer, install_relay_schema

EFFECTS_TABLE = "CREATE TABLE IF NOT EXISTS effects (event_id uuid NOT NULL, person_id uuid NOT NULL, consumer text)"


@pytest.fixture(scope="module")
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """A pool on the module's database with every core table installed."""
    pool = await create_pool(database_url, min_size=2, max_size=20)
    await install_event_store_schema(pool)
    await install_relay_schema(pool)
    await install_consumer_schema(pool)
    await pool.execute(EFFECTS_TABLE)
    yield pool
    await pool.close()


@pytest.fixture
def store(pool: asyncpg.Pool) -> PostgresEventStore:
    """The module database's event store."""
    return PostgresEventStore(pool)


@pytest.fixture
async def producer(kafka_bootstrap_servers: str) -> AsyncIterator[AIOKafkaProducer]:
    """An idempotent producer on the session's broker, as the relay makes it."""
    producer = idempotent_producer(kafka_bootstrap_servers)
    await producer.start()
    yield producer
    await producer.stop()
