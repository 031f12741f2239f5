"""Session-wide real servers for integration and e2e tests; unit tests never start them.

One Kafka broker and one PostgreSQL serve the whole test session (started on first use, stopped at the end);
each test module that needs a database gets a fresh one.
"""

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hoanhap_devstack.instance import Instance
from hoanhap_devstack.paths import instance_dir
from hoanhap_devstack.processes import is_alive
from hoanhap_devstack.stack import Endpoints, stack_for
from tests.support.databases import fresh_database

TESTS = Path(__file__).parent
TEST_INSTANCE_PREFIX = "test-"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by their folder: tests/integration -> integration, tests/e2e -> e2e."""
    for item in items:
        level = Path(str(item.fspath)).relative_to(TESTS).parts[0]
        if level in ("integration", "e2e"):
            item.add_marker(getattr(pytest.mark, level))


@pytest.fixture(scope="session")
def endpoints() -> Iterator[Endpoints]:
    """The session's own Kafka and PostgreSQL (or what the environment gives), removed afterwards.

    Each session has its own devstack instance, so two test runs on one machine never share servers;
    instances left by a crashed session are stopped and removed first.
    """
    remove_abandoned_test_instances()
    instance = session_instance()
    stack = stack_for(instance, fresh=True)
    try:
        yield stack.start()
    finally:
        stack.stop()
        shutil.rmtree(instance_dir(instance), ignore_errors=True)


@pytest.fixture(scope="module")
def database_url(endpoints: Endpoints, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty database for one test module, dropped afterwards."""
    module = re.sub(r"[^a-z0-9]+", "_", request.module.__name__.lower())[-40:]
    with fresh_database(endpoints, f"t_{module}") as url:
        yield url


@pytest.fixture(scope="session")
def kafka_bootstrap_servers(endpoints: Endpoints) -> str:
    """The session broker's bootstrap address."""
    return endpoints.kafka_bootstrap_servers


@pytest.fixture(scope="session")
def kafka_data_dir(endpoints: Endpoints) -> Path:
    """The session broker's log directory on this machine's disk: the devstack's own broker only."""
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS") or os.environ.get("STACK") == "containers":
        pytest.skip("needs the devstack's own Kafka files")
    return instance_dir(session_instance()) / "kafka" / "data"


def session_instance() -> str:
    """The devstack instance of this test session."""
    return f"{TEST_INSTANCE_PREFIX}{os.getpid()}"


def remove_abandoned_test_instances() -> None:
    """Stop and delete the devstack instances of test sessions whose process is gone."""
    root = instance_dir(TEST_INSTANCE_PREFIX).parent
    for home in root.glob(f"{TEST_INSTANCE_PREFIX}*") if root.exists() else ():
        owner = home.name.removeprefix(TEST_INSTANCE_PREFIX)
        if owner.isdigit() and not is_alive(int(owner)):
            Instance(home.name).stop()
            shutil.rmtree(home, ignore_errors=True)
