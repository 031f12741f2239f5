"""The one way this project opens an asyncpg pool."""

import asyncpg

from hoanhap.postgres.connections import Connection


async def keep_session_state(connection: Connection) -> None:
    """Release a connection to the pool without asyncpg's reset query (one round trip saved per use).

    Safe because the project leaves no session state behind: advisory locks are transaction-level (the
    migration runner unlocks its session lock itself), LISTEN happens only on dedicated connections, and no
    cursor or setting outlives its transaction.
    """


async def create_pool(database_url: str, min_size: int = 1, max_size: int = 10,
                      schema: str | None = None) -> asyncpg.Pool:
    """A pool on the database, without the per-release reset query; with schema, its tables are looked up there."""
    settings = {"search_path": schema} if schema else None
    pool: asyncpg.Pool = await asyncpg.create_pool(database_url, min_size=min_size, max_size=max_size,
                                                   reset=keep_session_state, server_settings=settings)
    return pool
