"""A registry and a credit process per test module, each with its own database, on the session's Kafka."""

import uuid
from collections.abc import Iterator

import pytest

from tests.support.databases import fresh_database
from tests.support.services import running_registry, running_service


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("credit")


@pytest.fixture(scope="module")
def registry(database_url: str, kafka_bootstrap_servers: str, logs) -> Iterator[str]:
    """The base URL of a running registry service."""
    with running_registry(database_url, kafka_bootstrap_servers, logs / "registry.log") as url:
        yield url


@pytest.fixture(scope="module")
def credit_database(endpoints) -> Iterator[str]:
    with fresh_database(endpoints, "t_credit") as url:
        yield url


@pytest.fixture(scope="module")
def credit(credit_database: str, kafka_bootstrap_servers: str, logs) -> Iterator[str]:
    """A running credit service with consumer groups of its own (it reads the registry's topics from the start)."""
    group = f"credit-{uuid.uuid4().hex[:8]}"
    with running_service("credit", credit_database, kafka_bootstrap_servers, logs / "credit.log",
                         consumer_group=group) as url:
        yield url
