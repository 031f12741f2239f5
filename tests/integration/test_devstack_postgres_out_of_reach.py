"""A checkout the postgres user cannot reach (under /root, mode 700) still gets its PostgreSQL: the data lives in
that user's home, found again on restart, and starts empty again once the instance folder is removed."""

import asyncio
import os
import shutil

import asyncpg
import pytest

from hoanhap_devstack.port_plan import PortPlan
from hoanhap_devstack.postgres import PostgresServer, server_answers

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="only root runs PostgreSQL as another user")


@pytest.fixture
def locked_home(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o700)
    home = locked / "checkout" / ".cache" / "devstack" / "up" / "postgres"
    yield home
    PostgresServer(home, PortPlan(home.parent / "ports.json")).stop()
    shutil.rmtree(PostgresServer(home, PortPlan(home.parent / "ports.json")).data.parent, ignore_errors=True)


def test_a_home_out_of_the_postgres_users_reach_keeps_its_data_where_that_user_can(locked_home):
    server = PostgresServer(locked_home, PortPlan(locked_home.parent / "ports.json"))
    server.start()

    assert asyncio.run(server_answers(server.url))
    assert not server.data.is_relative_to(locked_home)
    assert (locked_home / "data-location").read_text().strip() == str(server.data)


def test_a_restart_finds_the_data_again_and_a_removed_instance_starts_empty(locked_home):
    ports = PortPlan(locked_home.parent / "ports.json")
    PostgresServer(locked_home, ports).start()
    asyncio.run(_execute(PostgresServer(locked_home, ports).url, "CREATE TABLE kept (n int)"))
    PostgresServer(locked_home, ports).stop()

    PostgresServer(locked_home, ports).start()
    kept_after_restart = asyncio.run(_tables(PostgresServer(locked_home, ports).url))
    PostgresServer(locked_home, ports).stop()
    shutil.rmtree(locked_home)
    PostgresServer(locked_home, ports).start()
    after_removal = asyncio.run(_tables(PostgresServer(locked_home, ports).url))

    assert kept_after_restart == ["kept"]
    assert after_removal == []


async def _execute(url: str, statement: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def _tables(url: str) -> list[str]:
    connection = await asyncpg.connect(url)
    try:
        return [row["tablename"] for row in await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    finally:
        await connection.close()
