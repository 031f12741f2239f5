"""Stats' read models live in one schema of their own, so a rebuild can build a fresh one and swap it in whole."""

import asyncpg

from hoanhap.consumers import install_consumer_schema
from hoanhap.postgres.advisory_locks import advisory_lock_key
from hoanhap.postgres.connections import Connection
from hoanhap.postgres.migration_runner import apply_migrations

SWITCH_LOCK = advisory_lock_key("hoanhap.stats.read-model-switch")


async def install_read_models(pool: asyncpg.Pool, schema: str) -> None:
    """Create the schema if needed and apply the read-model and tracking migrations in it (the pool's search_path)."""
    await pool.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    await install_consumer_schema(pool)
    await apply_migrations(pool, "hoanhap_stats.migrations", "stats")


async def begin_projection(connection: Connection) -> None:
    """First thing in a projection transaction: no switch-over happens until it commits, and its commit does not
    wait for the disk. That is safe for read models: a commit lost in a crash loses its tracking rows with its
    effects, so the events are read from Kafka and applied again; nothing is lost or applied twice."""
    await connection.execute("SELECT pg_advisory_xact_lock_shared($1), set_config('synchronous_commit', 'off', true)",
                             SWITCH_LOCK)
