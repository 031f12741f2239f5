"""Kafka and PostgreSQL for one purpose (make up, a test session): local servers, containers, or given ones."""

import os
from dataclasses import dataclass
from typing import Protocol

from hoanhap_devstack.kafka import KafkaServer
from hoanhap_devstack.paths import instance_dir
from hoanhap_devstack.port_plan import PortPlan
from hoanhap_devstack.postgres import PostgresServer


@dataclass(frozen=True)
class Endpoints:
    """Where clients find the servers."""

    kafka_bootstrap_servers: str
    postgres_url: str

    def database_url(self, database: str) -> str:
        """The URL of one database on the same server."""
        return self.postgres_url.rsplit("/", 1)[0] + f"/{database}"


class Stack(Protocol):
    """Something that provides Kafka and PostgreSQL and can take them down again."""

    def start(self) -> Endpoints:
        """Bring the servers up (or find them) and say where they are."""

    def stop(self) -> None:
        """Take down whatever start brought up."""


class LocalStack:
    """Kafka from Maven Central jars and PostgreSQL from Debian's binaries, under the cache folder.

    ``KAFKA_BOOTSTRAP_SERVERS`` or ``POSTGRES_URL`` in the environment point at existing servers instead;
    the stack then starts nothing for that server.
    """

    def __init__(self, instance: str, fresh: bool = False) -> None:
        home = instance_dir(instance)
        self.fresh = fresh
        ports = PortPlan(home / "ports.json")
        self.kafka = KafkaServer(home / "kafka", ports)
        self.postgres = PostgresServer(home / "postgres", ports)
        self.given_kafka = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        self.given_postgres = os.environ.get("POSTGRES_URL")

    def start(self) -> Endpoints:
        """Start what is not given, in parallel-friendly order: PostgreSQL is quick, Kafka slower."""
        if not self.given_postgres:
            self.postgres.start(fresh=self.fresh)
        if not self.given_kafka:
            self.kafka.start(fresh=self.fresh)
        return Endpoints(self.given_kafka or self.kafka.bootstrap_servers,
                         self.given_postgres or self.postgres.url)

    def stop(self) -> None:
        """Stop what this stack started; given servers are left alone."""
        if not self.given_kafka:
            self.kafka.stop()
        if not self.given_postgres:
            self.postgres.stop()


def stack_for(instance: str, fresh: bool = False) -> Stack:
    """The stack the environment asks for: containers when STACK=containers, else local servers.

    fresh: start local servers with empty data (a test session's isolation), unless they already run.
    """
    if os.environ.get("STACK") == "containers":
        from hoanhap_devstack.containers import ContainerStack

        return ContainerStack()
    return LocalStack(instance, fresh)
