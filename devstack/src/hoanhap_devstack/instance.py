"""One named devstack: its servers, its services, and bringing them all down."""

import asyncio

import asyncpg

from hoanhap_devstack.databases import create_database
from hoanhap_devstack.paths import instance_dir
from hoanhap_devstack.port_plan import PortPlan
from hoanhap_devstack.services import SERVICE_PORTS, ServiceProcess
from hoanhap_devstack.stack import Endpoints, LocalStack


class Instance:
    """The local stack plus the four services of one instance name (``up`` for make up)."""

    def __init__(self, name: str) -> None:
        self.home = instance_dir(name)
        self.stack = LocalStack(name)
        ports = PortPlan(self.home / "ports.json")
        self.services = [ServiceProcess(service, self.home, ports) for service in SERVICE_PORTS]

    def start(self) -> Endpoints:
        """Start Kafka, PostgreSQL and every service; wait until every service is ready."""
        endpoints = self.stack.start()
        for service in self.services:
            url = asyncio.run(create_database(endpoints, f"hoanhap_{service.name}"))
            service.start(url, endpoints.kafka_bootstrap_servers)
        for service in self.services:
            service.wait_ready()
        return endpoints

    def stop(self) -> None:
        """Stop the services first, then the servers they use."""
        for service in self.services:
            service.stop()
        self.stack.stop()

    def registry_is_empty(self, endpoints: Endpoints) -> bool:
        """True when nobody was ever registered in this instance's registry."""
        return asyncio.run(_count_people(endpoints.database_url("hoanhap_registry"))) == 0

    def dead_services(self) -> list[ServiceProcess]:
        """Services whose process has exited."""
        return [service for service in self.services if service.running_pid() is None]


async def _count_people(database_url: str) -> int:
    connection = await asyncpg.connect(database_url)
    try:
        return int(await connection.fetchval("SELECT count(*) FROM people"))
    finally:
        await connection.close()
