"""Applying a component's migrations at start-up: once each, in order, one service instance at a time.

Any component (the event store, a service's own tables) keeps its numbered SQL files in a folder or package
and calls ``apply_migrations`` with its own component name; ``schema_migrations`` records what each
component has applied, with a checksum so an edited migration is refused instead of silently skipped.
A session advisory lock makes instances that start together take turns.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from hoanhap.postgres.advisory_locks import advisory_lock_key
from hoanhap.postgres.connections import Connection, connection_of
from hoanhap.postgres.migration_files import Migration, MigrationChanged, MigrationSource, discover_migrations

MIGRATION_LOCK = advisory_lock_key("hoanhap.migrations")

HISTORY_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    component  text        NOT NULL,
    version    integer     NOT NULL,
    name       text        NOT NULL,
    checksum   text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (component, version)
)"""


async def apply_migrations(target: asyncpg.Pool | Connection, source: MigrationSource,
                           component: str) -> list[Migration]:
    """Apply the component's migrations this database has not applied yet; return those applied now."""
    migrations = discover_migrations(source)
    async with _migration_lock(target) as connection:
        await connection.execute(HISTORY_TABLE)
        applied = await _applied_checksums(connection, component)
        pending = [migration for migration in migrations if _is_pending(migration, applied, component)]
        for migration in pending:
            async with connection.transaction():
                await connection.execute(migration.sql)
                await connection.execute(
                    "INSERT INTO schema_migrations (component, version, name, checksum) VALUES ($1, $2, $3, $4)",
                    component, migration.version, migration.name, migration.checksum)
        return pending


@asynccontextmanager
async def _migration_lock(target: asyncpg.Pool | Connection) -> AsyncIterator[Connection]:
    async with connection_of(target) as connection:
        await connection.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
        try:
            yield connection
        finally:
            await connection.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)


async def _applied_checksums(connection: Connection, component: str) -> dict[int, str]:
    rows = await connection.fetch("SELECT version, checksum FROM schema_migrations WHERE component = $1", component)
    return {row["version"]: row["checksum"] for row in rows}


def _is_pending(migration: Migration, applied: dict[int, str], component: str) -> bool:
    checksum = applied.get(migration.version)
    if checksum is None:
        return True
    if checksum != migration.checksum:
        raise MigrationChanged(
            f"migration {migration.file_name} of {component} was applied to this database with different "
            "content; leave applied migrations as they are and add a new numbered migration instead")
    return False
