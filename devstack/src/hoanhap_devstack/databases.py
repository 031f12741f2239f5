"""Databases on the stack's PostgreSQL server, created on demand."""

import asyncpg

from hoanhap_devstack.stack import Endpoints


async def create_database(endpoints: Endpoints, name: str) -> str:
    """Create the database unless it exists; return its URL."""
    connection = await asyncpg.connect(endpoints.postgres_url)
    try:
        exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return endpoints.database_url(name)


async def drop_database(endpoints: Endpoints, name: str) -> None:
    """Drop the database, disconnecting whoever still uses it."""
    connection = await asyncpg.connect(endpoints.postgres_url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()
