"""The asyncpg connection type everything here works on: a connection or one lent by a pool."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypeAlias

import asyncpg
from asyncpg.pool import PoolConnectionProxy

Connection: TypeAlias = asyncpg.Connection | PoolConnectionProxy


@asynccontextmanager
async def connection_of(target: asyncpg.Pool | Connection) -> AsyncIterator[Connection]:
    """A connection acquired from target when it is a pool (released afterwards), else target itself."""
    if isinstance(target, asyncpg.Pool):
        async with target.acquire() as connection:
            yield connection
    else:
        yield target
