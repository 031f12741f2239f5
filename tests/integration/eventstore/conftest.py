"""PostgreSQL event stores for integration tests: each test gets its own schema in the module's database."""

import base64
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import asyncpg
import pytest

pytest.register_assert_rewrite("hoanhap.eventstore.testing")

from hoanhap.eventstore import PostgresEventStore, install_event_store_schema  # noqa: E402
from hoanhap.eventstore.audit.keys import public_key_text, signing_key  # noqa: E402
from hoanhap.eventstore.audit.settings import AuditSettings  # noqa: E402
from tests.integration.eventstore.sql_tampering import SqlTamperer  # noqa: E402

Connect = Callable[[], Awaitable[asyncpg.Connection]]


@pytest.fixture
async def schema(database_url: str) -> AsyncIterator[str]:
    """A fresh, empty schema, dropped after the test."""
    name = f"es_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(database_url)
    try:
        await admin.execute(f'CREATE SCHEMA "{name}"')
        yield name
        await admin.execute(f'DROP SCHEMA "{name}" CASCADE')
    finally:
        await admin.close()


@pytest.fixture
async def connect(database_url: str, schema: str) -> AsyncIterator[Connect]:
    """Opens connections that see the test's schema; closes them after the test."""
    opened: list[asyncpg.Connection] = []

    async def open_connection() -> asyncpg.Connection:
        connection = await asyncpg.connect(database_url, server_settings={"search_path": schema})
        opened.append(connection)
        return connection

    yield open_connection
    for connection in opened:
        await connection.close()


@pytest.fixture
async def pool(database_url: str, schema: str) -> AsyncIterator[asyncpg.Pool]:
    """A pool on the test's schema with the event store's tables installed."""
    created = await asyncpg.create_pool(database_url, min_size=1, max_size=8,
                                        server_settings={"search_path": schema})
    await install_event_store_schema(created)
    yield created
    await created.close()


@pytest.fixture
def store(pool: asyncpg.Pool) -> PostgresEventStore:
    return PostgresEventStore(pool)


@pytest.fixture
def tamperer(pool: asyncpg.Pool) -> SqlTamperer:
    return SqlTamperer(pool)


AUDIT_SIGNING_KEY = base64.b64encode(bytes(range(100, 132))).decode()


@pytest.fixture
def audit_settings(database_url: str, schema: str, tmp_path: Path) -> AuditSettings:
    """The audit commands' settings for the test's schema, signing with AUDIT_SIGNING_KEY and keeping copies of
    checkpoints in a file of the test's own."""
    return AuditSettings(database_url=database_url, database_schema=schema, audit_signing_key=AUDIT_SIGNING_KEY,
                         audit_public_key=public_key_text(signing_key(AUDIT_SIGNING_KEY)),
                         audit_checkpoint_file=tmp_path / "checkpoints.jsonl")
