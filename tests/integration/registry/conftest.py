"""The registry's database as the service installs it (event store, relay, registry and idempotency tables),
fresh for each test module, and the registry's use cases over it with PostgreSQL's adapters."""

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.eventstore import PostgresEventStore
from hoanhap.person_keys import PersonKeys
from hoanhap.postgres.pool import create_pool
from hoanhap.working_days import WorkingCalendar
from hoanhap_registry.adapters.case_streams import PostgresCaseStreams
from hoanhap_registry.adapters.projection import projection_alongside
from hoanhap_registry.api.requests import ReleaseRequest
from hoanhap_registry.app import install_schemas
from hoanhap_registry.application.registration import registration_of
from hoanhap_registry.application.registry import Registry
from hoanhap_registry.identity.citizen_id import lookup_key
from tests.support.services import release_body

MASTER_KEY = bytes(range(32))
OFFICER = Principal(sub="officer-7", agency=Agency.POLICE, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01", communes=("00004",)))


@pytest.fixture(scope="module")
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """A pool on the module's database with the registry's schemas installed as at start-up."""
    pool = await create_pool(database_url, min_size=2, max_size=5)
    await install_schemas(pool)
    yield pool
    await pool.close()


@pytest.fixture
def registry(pool: asyncpg.Pool) -> Registry:
    """The registry's use cases over PostgreSQL."""
    storage = (PostgresCaseStreams(PostgresEventStore(pool)), PersonKeys(MASTER_KEY), projection_alongside)
    return Registry(pool, storage, lookup_key(MASTER_KEY), WorkingCalendar())


async def register(registry: Registry, **changes: object) -> tuple[uuid.UUID, ReleaseRequest]:
    """A release of commune 00004 registered by OFFICER; its person id and its notice."""
    body = ReleaseRequest.model_validate(release_body(**changes))
    person_id = uuid.uuid4()
    async with registry.pool.acquire() as connection:
        await registry.register(connection, person_id, registration_of(body, body.notified_on), OFFICER)
    return person_id, body
