"""The relay's own table, created or upgraded by the shared migration runner at start-up."""

import asyncpg

from hoanhap.postgres import Migration, apply_migrations
from hoanhap.postgres.connections import Connection


async def install_relay_schema(target: asyncpg.Pool | Connection) -> list[Migration]:
    """Apply the relay's migrations this database lacks (safe to call at every start-up)."""
    return await apply_migrations(target, "hoanhap.relay.migrations", "relay")
