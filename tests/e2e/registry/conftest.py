"""One registry process per test module, on the session's Kafka and a fresh database."""

from collections.abc import Iterator

import httpx
import pytest

from tests.support.services import running_registry


@pytest.fixture(scope="module")
def registry_log(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("registry") / "registry.log"


@pytest.fixture(scope="module")
def registry(database_url: str, kafka_bootstrap_servers: str, registry_log) -> Iterator[httpx.Client]:
    """An HTTP client on a running registry service."""
    with running_registry(database_url, kafka_bootstrap_servers, registry_log) as url, \
            httpx.Client(base_url=url, timeout=30) as client:
        yield client
