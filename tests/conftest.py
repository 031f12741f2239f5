"""Session-wide real servers for integration and e2e tests; unit tests never start them.

One Kafka broker and one PostgreSQL serve the whole test session (started on first use, stopped at the end);
each test module that needs a database gets a fresh one.
"""

import asyncio
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from hoanhap.devstack.databases import create_database, drop_database
from hoanhap.devstack.stack import Endpoints, stack_for

TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by their folder: tests/integration -> integration, tests/e2e -> e2e."""
    for item in items:
        level = Path(str(item.fspath)).relative_to(TESTS).parts[0]
        if level in ("integration", "e2e"):
            item.add_marker(getattr(pytest.mark, level))


@pytest.fixture(scope="session")
def endpoints() -> Iterator[Endpoints]:
    """The session's Kafka and PostgreSQL (the devstack's ``test`` instance, or what the environment gives)."""
    stack = stack_for("test", fresh=True)
    try:
        yield stack.start()
    finally:
        stack.stop()


@pytest.fixture(scope="module")
def database_url(endpoints: Endpoints, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty database for one test module, dropped afterwards."""
    module = re.sub(r"[^a-z0-9]+", "_", request.module.__name__.lower())[-40:]
    name = f"t_{module}_{uuid.uuid4().hex[:8]}"
    url = asyncio.run(create_database(endpoints, name))
    yield url
    asyncio.run(drop_database(endpoints, name))


@pytest.fixture(scope="session")
def kafka_bootstrap_servers(endpoints: Endpoints) -> str:
    """The session broker's bootstrap address."""
    return endpoints.kafka_bootstrap_servers
