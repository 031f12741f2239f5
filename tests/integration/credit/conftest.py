"""Credit's database as the service installs it (consumers' tables and credit's own), fresh for each test module,
and its registry feed over it with PostgreSQL's adapters."""

from collections.abc import AsyncIterator

import asyncpg
import pytest

from hoanhap import contracts as c
from hoanhap.postgres.pool import create_pool
from hoanhap_credit.adapters.identity_digests import PostgresIdentityDigests
from hoanhap_credit.adapters.registry_view import PostgresRegistryView
from hoanhap_credit.app import install_schemas
from hoanhap_credit.application.registry_feed import RegistryFeed
from tests.unit.credit.credit_registry_facts import envelope


@pytest.fixture(scope="module")
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """A pool on the module's database with credit's schemas installed as at start-up (twice: a restart)."""
    pool = await create_pool(database_url, min_size=2, max_size=5)
    await install_schemas(pool)
    await install_schemas(pool)
    yield pool
    await pool.close()


async def feed(pool: asyncpg.Pool, *events: c.IntegrationEvent) -> None:
    """The registry's facts applied as the tracked consumer applies a batch: in one transaction."""
    async with pool.acquire() as connection, connection.transaction():
        await RegistryFeed(PostgresRegistryView(), PostgresIdentityDigests())(
            connection, [envelope(event) for event in events])
