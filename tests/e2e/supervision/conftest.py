"""A registry and a supervision process per test module, each with its own database, on the session's Kafka."""

from collections.abc import Iterator

import httpx
import pytest

from tests.support.databases import fresh_database
from tests.support.services import running_registry
from tests.support.supervision import running_supervision


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("supervision")


@pytest.fixture(scope="module")
def registry(database_url: str, kafka_bootstrap_servers: str, logs) -> Iterator[httpx.Client]:
    """An HTTP client on a running registry service."""
    with running_registry(database_url, kafka_bootstrap_servers, logs / "registry.log") as url, \
            httpx.Client(base_url=url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def supervision_database(endpoints) -> Iterator[str]:
    with fresh_database(endpoints, "t_supervision") as url:
        yield url


@pytest.fixture(scope="module")
def supervision(supervision_database: str, kafka_bootstrap_servers: str, logs) -> Iterator[httpx.Client]:
    """An HTTP client on a running supervision service, consuming the registry topic."""
    with running_supervision(supervision_database, kafka_bootstrap_servers, logs / "supervision.log") as url, \
            httpx.Client(base_url=url, timeout=30) as client:
        yield client
