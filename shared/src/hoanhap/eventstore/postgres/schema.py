"""Creating and upgrading the event store's tables in a service's database."""

import asyncpg

from hoanhap.postgres.connections import Connection
from hoanhap.postgres.migration_files import Migration
from hoanhap.postgres.migration_runner import apply_migrations

COMPONENT = "eventstore"
MIGRATIONS_PACKAGE = "hoanhap.eventstore.migrations"


async def install_event_store_schema(target: asyncpg.Pool | Connection) -> list[Migration]:
    """Apply the event store's migrations this database lacks (safe to call at every start-up)."""
    return await apply_migrations(target, MIGRATIONS_PACKAGE, COMPONENT)
