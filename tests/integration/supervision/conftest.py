"""Supervision's database as the service installs it (event store, relay, consumers, supervision and idempotency
tables), fresh for each test module, and its use cases and its registry feed over it with PostgreSQL's adapters."""

from collections.abc import AsyncIterator

import asyncpg
import pytest

from hoanhap import contracts as c
from hoanhap.eventstore import PostgresEventStore
from hoanhap.person_keys import PersonKeys
from hoanhap.postgres.pool import create_pool
from hoanhap_supervision.adapters.case_streams import PostgresCaseStreams
from hoanhap_supervision.adapters.projection import projection_alongside
from hoanhap_supervision.adapters.registry_view import PostgresRegistryView
from hoanhap_supervision.app import install_schemas
from hoanhap_supervision.application.registry_feed import RegistryFeed
from hoanhap_supervision.application.supervision import Supervision
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from tests.unit.supervision.application.envelopes import envelope

MASTER_KEY = bytes(range(32))


@pytest.fixture(scope="module")
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """A pool on the module's database with supervision's schemas installed as at start-up."""
    pool = await create_pool(database_url, min_size=2, max_size=5)
    await install_schemas(pool)
    yield pool
    await pool.close()


@pytest.fixture
def supervision(pool: asyncpg.Pool) -> Supervision:
    """Supervision's use cases over PostgreSQL."""
    storage = (PostgresCaseStreams(PostgresEventStore(pool)), PersonKeys(MASTER_KEY), projection_alongside)
    return Supervision(pool, storage, DEFAULT_RULES)


async def feed(supervision: Supervision, *events: c.IntegrationEvent) -> None:
    """The registry's facts applied as the tracked consumer applies a batch: in one transaction."""
    async with supervision.pool.acquire() as connection, connection.transaction():
        await RegistryFeed(supervision, PostgresRegistryView())(connection, [envelope(event) for event in events])
