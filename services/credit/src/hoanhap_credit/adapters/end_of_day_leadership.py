"""One leader among credit's processes for the end of day: a PostgreSQL session advisory lock, tried and never
waited for, on a connection of its own held for the whole run. A process that does not get it does nothing (the
leader is closing the day); a process that dies loses the lock with its connection, so the next try takes over."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from hoanhap.postgres.advisory_locks import advisory_lock_key

END_OF_DAY_LOCK = advisory_lock_key("credit:end-of-day")  # one per database: a deployment keeps its own database


@asynccontextmanager
async def end_of_day_leadership(database_url: str) -> AsyncIterator[bool]:
    """Whether this process leads the end of day while the context is open (the lock is let go at its end)."""
    connection = await asyncpg.connect(database_url)
    try:
        yield bool(await connection.fetchval("SELECT pg_try_advisory_lock($1)", END_OF_DAY_LOCK))
    finally:
        await connection.close()
