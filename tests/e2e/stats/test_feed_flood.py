"""A flood of live-feed clients, through the real registry, Kafka, PostgreSQL and stats: stats serves its cap of
clients from one source and turns the rest away with 503 and Retry-After; the clients it serves still get news; the
database server keeps its connections for the other services. Feed ids no row can have are refused, naming them."""

import asyncio
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit

import asyncpg
import httpx
import pytest

from hoanhap_devstack.databases import create_database
from tests.support.services import officer_headers, release_body, running_registry, running_service

CAP = 100  # FEED_CLIENTS_MAX given to stats here
CLIENTS = 500
POOL = 10  # the service pool's max_size (hoanhap.service.runtime)
GUARD_SECONDS = 120  # a failing test stops here instead of hanging
OFFICER = officer_headers()
LARGEST_ID = 2**63 - 1


@pytest.fixture(scope="module")
def services(endpoints, kafka_bootstrap_servers, tmp_path_factory) -> Iterator[tuple[str, str, str]]:
    """The registry and stats (at most CAP feed clients), and the URL of stats' database."""
    logs = tmp_path_factory.mktemp("flood")
    registry_db = asyncio.run(create_database(endpoints, f"flood_registry_{uuid.uuid4().hex[:6]}"))
    stats_db = asyncio.run(create_database(endpoints, f"flood_stats_{uuid.uuid4().hex[:6]}"))
    with running_registry(registry_db, kafka_bootstrap_servers, logs / "registry.log") as registry_url, \
            running_service("stats", stats_db, kafka_bootstrap_servers, logs / "stats.log",
                            consumer_group=f"flood-{uuid.uuid4().hex[:6]}", public_feed_seconds="1",
                            feed_clients_max=str(CAP)) as stats_url:
        yield registry_url, stats_url, stats_db


class FeedClient:
    """One SSE client on a raw socket: its answer's status and headers, then the stream as it comes."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, status: int,
                 headers: dict[str, str]) -> None:
        self.reader, self.writer, self.status, self.headers = reader, writer, status, headers

    @classmethod
    async def open(cls, url: str, path: str, headers: dict[str, str]) -> "FeedClient":
        address = urlsplit(url)
        reader, writer = await asyncio.open_connection(address.hostname, address.port)
        request = [f"GET {path} HTTP/1.1", f"Host: {address.netloc}", *(f"{k}: {v}" for k, v in headers.items())]
        writer.write(("\r\n".join(request) + "\r\n\r\n").encode())
        status_line, *header_lines = (await reader.readuntil(b"\r\n\r\n")).decode().strip().split("\r\n")
        fields = dict(line.split(": ", 1) for line in header_lines)
        return cls(reader, writer, int(status_line.split()[1]), {k.lower(): v for k, v in fields.items()})

    async def next_event(self, name: str) -> None:
        await self.reader.readuntil(f"event: {name}\n".encode())

    def close(self) -> None:
        self.writer.close()


async def open_clients(url: str, count: int) -> tuple[list[FeedClient], list[FeedClient]]:
    """`count` clients opened at once, half on the jurisdiction's feed (new changes only), half on the public one."""
    kinds = [("/v1/jurisdiction/feed?after=latest", OFFICER), ("/v1/feed", {})]
    clients = await asyncio.gather(*(FeedClient.open(url, *kinds[n % 2]) for n in range(count)))
    return [c for n, c in enumerate(clients) if n % 2 == 0], [c for n, c in enumerate(clients) if n % 2 == 1]


async def connections_to(database_url: str) -> int:
    """Connections to the database other than this one."""
    connection = await asyncpg.connect(database_url)
    try:
        return int(await connection.fetchval("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
                                             "AND pid <> pg_backend_pid()", urlsplit(database_url).path[1:]))
    finally:
        await connection.close()


async def test_past_the_cap_feed_clients_get_503_while_the_served_ones_get_news_and_the_database_keeps_room(
        services):
    registry_url, stats_url, stats_db = services
    served_private, served_public = await asyncio.wait_for(open_clients(stats_url, CAP), GUARD_SECONDS)
    turned_private, turned_public = await asyncio.wait_for(open_clients(stats_url, CLIENTS - CAP), GUARD_SECONDS)
    served, turned_away = served_private + served_public, turned_private + turned_public
    try:
        async with httpx.AsyncClient(base_url=registry_url, timeout=30) as registry:
            registered = await registry.post("/v1/releases", headers=OFFICER, json=release_body())
        stats_connections = await connections_to(stats_db)
        await asyncio.wait_for(asyncio.gather(*(client.next_event("change") for client in served_private),
                                              *(client.next_event("figures-changed") for client in served_public)),
                               GUARD_SECONDS)
    finally:
        for client in served + turned_away:
            client.close()

    assert registered.status_code == 201, "the registry's database had room during the flood"
    assert stats_connections <= POOL + 1, "stats holds its pool and one LISTEN connection, however many clients"
    assert [client.status for client in served] == [200] * CAP
    assert [client.status for client in turned_away] == [503] * (CLIENTS - CAP), "both feeds share the cap"
    assert all(client.headers.get("retry-after") == "10" for client in turned_away)


async def test_a_feed_id_beyond_bigint_is_refused_naming_it(services):
    _, stats_url, _ = services
    async with httpx.AsyncClient(base_url=stats_url, timeout=30) as stats:
        header = await stats.get("/v1/jurisdiction/feed", headers={**OFFICER, "Last-Event-ID": str(LARGEST_ID + 1)})
        query = await stats.get("/v1/jurisdiction/feed", headers=OFFICER, params={"after": str(LARGEST_ID + 1)})
        async with stats.stream("GET", "/v1/jurisdiction/feed", params={"after": str(LARGEST_ID)},
                                headers={**OFFICER, "Last-Event-ID": str(LARGEST_ID)}) as largest:
            largest_status = largest.status_code

    assert header.status_code == 422 and header.json()["detail"][0]["loc"] == ["header", "Last-Event-ID"], header.text
    assert query.status_code == 422 and query.json()["detail"][0]["loc"] == ["query", "after"], query.text
    assert str(LARGEST_ID) in query.text, "the answer says the largest id"
    assert largest_status == 200, "the largest bigint is a valid place to start"
