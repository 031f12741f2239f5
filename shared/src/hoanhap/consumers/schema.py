"""The tracked consumers' tables, created or upgraded by the shared migration runner at start-up."""

import asyncpg

from hoanhap.postgres import Migration, apply_migrations
from hoanhap.postgres.connections import Connection


async def install_consumer_schema(target: asyncpg.Pool | Connection) -> list[Migration]:
    """Apply the tracked consumers' migrations this database lacks (safe to call at every start-up)."""
    return await apply_migrations(target, "hoanhap.consumers.migrations", "consumers")
