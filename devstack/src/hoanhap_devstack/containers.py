"""Kafka and PostgreSQL in containers via testcontainers, for machines with a Docker engine."""

from typing import Any

from hoanhap_devstack.errors import DevstackError
from hoanhap_devstack.stack import Endpoints

KAFKA_IMAGE = "apache/kafka:4.1.1"
POSTGRES_IMAGE = "postgres:15"


class ContainerStack:
    """Used when STACK=containers: needs a reachable Docker engine and the testcontainers package."""

    def __init__(self) -> None:
        self._containers: list[Any] = []

    def start(self) -> Endpoints:
        """Start both containers and wait until they accept connections."""
        try:
            from testcontainers.kafka import KafkaContainer
            from testcontainers.postgres import PostgresContainer
        except ImportError as missing:
            raise DevstackError("STACK=containers needs testcontainers: run `uv sync` first") from missing
        try:
            kafka = KafkaContainer(KAFKA_IMAGE).with_kraft().start()
            postgres = PostgresContainer(POSTGRES_IMAGE, driver=None).start()
        except Exception as error:  # noqa: BLE001 - docker errors come in many types
            raise DevstackError(f"STACK=containers but no Docker engine answered ({error}); "
                                "start Docker or unset STACK to use the local devstack") from error
        self._containers = [kafka, postgres]
        return Endpoints(kafka.get_bootstrap_server(), postgres.get_connection_url())

    def stop(self) -> None:
        """Remove both containers."""
        for container in self._containers:
            container.stop()
        self._containers = []
