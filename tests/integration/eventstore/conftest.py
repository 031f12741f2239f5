"""PostgreSQL event stores for integration tests: each test gets its own schema in the module's database."""

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import asyncpg
import pytest

pytest.register_assert_rewrite("hoanhap.eventstore.testing")

from hoanhap.eventstore import PostgresEventStore, install_event_store_schema  # noqa: E402
from hoanhap.eventstore.testing import Tamperer  # noqa: E402

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


# Ordinary triggers do not fire for a session in the replica role: how an intruder with superuser rights
# gets past the immutability trigger. Only the hash chain can tell.
PAST_THE_TRIGGERS = "SET LOCAL session_replication_role = replica"


class SqlTamperer(Tamperer):
    """Edits the events table directly."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def change_payload(self, stream_id: str, version: int) -> None:
        await self._run("UPDATE events SET payload = jsonb_set(payload, '{note}', "
                        "to_jsonb(overlay(payload->>'note' PLACING 'X' FROM 1 FOR 1))) "
                        "WHERE stream_id = $1 AND stream_version = $2", stream_id, version)

    async def delete_event(self, stream_id: str, version: int) -> None:
        await self._run("DELETE FROM events WHERE stream_id = $1 AND stream_version = $2", stream_id, version)

    async def swap_payloads(self, stream_id: str, version: int, other_version: int) -> None:
        await self._run("UPDATE events SET payload = swapped.payload FROM events AS swapped "
                        "WHERE events.stream_id = $1 AND swapped.stream_id = $1 "
                        "AND (events.stream_version, swapped.stream_version) IN (($2, $3), ($3, $2))",
                        stream_id, version, other_version)

    async def swap_versions(self, stream_id: str, version: int, other_version: int) -> None:
        move = "UPDATE events SET stream_version = $3 WHERE stream_id = $1 AND stream_version = $2"
        aside = 2**31 - 1  # the unique index is checked row by row: park one event out of the way first
        await self._run(move, stream_id, version, aside)
        await self._run(move, stream_id, other_version, version)
        await self._run(move, stream_id, aside, other_version)

    async def _run(self, statement: str, *arguments: object) -> None:
        async with self.pool.acquire() as connection, connection.transaction():
            await connection.execute(PAST_THE_TRIGGERS)
            status = await connection.execute(statement, *arguments)
            assert status.split()[-1] != "0", f"tampering changed nothing: {statement}"


@pytest.fixture
def tamperer(pool: asyncpg.Pool) -> SqlTamperer:
    return SqlTamperer(pool)
