"""A fresh database on the session's PostgreSQL, dropped when the caller is done with it."""

import asyncio
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from hoanhap_devstack.databases import create_database, drop_database
from hoanhap_devstack.stack import Endpoints


@contextmanager
def fresh_database(endpoints: Endpoints, prefix: str) -> Iterator[str]:
    """The URL of a new, empty database named after `prefix` (made unique), dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    url = asyncio.run(create_database(endpoints, name))
    try:
        yield url
    finally:
        asyncio.run(drop_database(endpoints, name))
