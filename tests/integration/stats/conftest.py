"""What stats' integration tests share: its read models in a fresh schema of their own, and a way to put rows in
them directly, so a figure's SQL is tested against rows made by hand."""

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import asyncpg
import pytest

from hoanhap_stats.projecting.read_models import install_read_models

InsertRows = Callable[[str, list[dict[str, Any]]], Awaitable[None]]


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """Stats' read models in a schema of their own."""
    schema = f"figures_{uuid.uuid4().hex[:8]}"
    created = await asyncpg.create_pool(database_url, min_size=1, max_size=2,
                                        server_settings={"search_path": schema})
    try:
        await install_read_models(created, schema)
        yield created
    finally:
        await created.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await created.close()


@pytest.fixture
def insert_rows(pool: asyncpg.Pool) -> InsertRows:
    """Insert rows, each a dict of column values (every row of a call naming the same columns), into a table."""

    async def insert(table: str, rows: list[dict[str, Any]]) -> None:
        columns = list(rows[0])
        placeholders = ", ".join(f"${number}" for number in range(1, len(columns) + 1))
        await pool.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
                               [[row[column] for column in columns] for row in rows])

    return insert
