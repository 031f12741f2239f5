"""Credit's database as the service installs it (event store, relay, consumers' tables, credit's own and the
idempotency table), fresh for each test module, and its registry feed and use cases over it with PostgreSQL's
adapters."""

from collections.abc import AsyncIterator

import asyncpg
import pytest

from hoanhap import contracts as c
from hoanhap.eventstore import PostgresEventStore
from hoanhap.person_keys import PersonKeys
from hoanhap.postgres.pool import create_pool
from hoanhap_credit.adapters.borrower_tables import PostgresBorrowerTables
from hoanhap_credit.adapters.identity_digests import PostgresIdentityDigests
from hoanhap_credit.adapters.loan_projection import projection_alongside
from hoanhap_credit.adapters.loan_streams import PostgresLoanStreams
from hoanhap_credit.adapters.registry_view import PostgresRegistryView
from hoanhap_credit.app import install_schemas
from hoanhap_credit.application.applicant_lookup import ApplicantLookup
from hoanhap_credit.application.borrowers import Borrowers
from hoanhap_credit.application.lending import Lending, Rules
from hoanhap_credit.application.loan_applications import LoanApplications
from hoanhap_credit.application.registry_feed import RegistryFeed
from hoanhap_credit.domain.lending_limits import DEFAULT_LIMITS
from hoanhap_credit.domain.rates import DEFAULT_POOR_HOUSEHOLD_RATES
from tests.unit.credit.credit_registry_facts import envelope

MASTER_KEY = bytes(range(32))
DIGEST_KEY = b"e2e-test-digest-key-32-bytes-ok!!"


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


@pytest.fixture
def lending(pool: asyncpg.Pool) -> Lending:
    """Credit's loan use cases over PostgreSQL."""
    storage = (PostgresLoanStreams(PostgresEventStore(pool)), PersonKeys(MASTER_KEY), projection_alongside)
    return Lending(pool, storage, Rules(DEFAULT_POOR_HOUSEHOLD_RATES, DEFAULT_LIMITS))


@pytest.fixture
def borrowers(pool: asyncpg.Pool, lending: Lending) -> Borrowers:
    """Credit's borrower use cases over PostgreSQL (the registry's digest key: the e2e tests')."""
    lookup = ApplicantLookup(pool, PostgresRegistryView(), PostgresIdentityDigests(), DIGEST_KEY)
    return Borrowers(pool, (lending.streams, lending.keys, PostgresBorrowerTables()), lookup)


@pytest.fixture
def applications(lending: Lending) -> LoanApplications:
    """Credit's application use case over PostgreSQL."""
    return LoanApplications(lending, PostgresBorrowerTables(), PostgresRegistryView())
