"""Stats' read models live in one schema of their own, so a rebuild can build a fresh one and swap it in whole."""

import asyncpg

from hoanhap.consumers import install_consumer_schema
from hoanhap.postgres.advisory_locks import advisory_lock_key
from hoanhap.postgres.migration_runner import apply_migrations

SWITCH_LOCK = advisory_lock_key("hoanhap.stats.read-model-switch")


async def install_read_models(pool: asyncpg.Pool, schema: str) -> None:
    """Create the schema if needed and apply the read-model and tracking migrations in it (the pool's search_path)."""
    await pool.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    await install_consumer_schema(pool)
    await apply_migrations(pool, "hoanhap_stats.migrations", "stats")

