"""The set-up of `make bench-credit`'s applications: people released in one commune of the registry, the commune's
Form 01 list drawn and certified there, credit's view of the registry caught up, and each person registered as a
borrower in credit, the way they are in service. Timed, but not part of the figures."""

import asyncio
import time
from typing import Any

import aiohttp
import asyncpg

from hoanhap.vietnam_time import vietnam_today
from tests.support.credit import bank_headers, borrower_body
from tests.support.services import officer_headers, release_body

COMMUNE = "00004"
SIGNATORY = "Chủ tịch UBND phường Nguyễn Văn An"


async def released(registry_url: str, count: int, clients: int) -> list[dict[str, Any]]:
    """`count` release bodies registered in the commune by `clients` officers at once."""
    bodies = [release_body(commune_code=COMMUNE) for _ in range(count)]

    async def client(mine: list[dict[str, Any]]) -> None:
        async with aiohttp.ClientSession(base_url=registry_url, headers=officer_headers()) as http:
            for body in mine:
                async with http.post("/v1/releases", json=body) as answer:
                    assert answer.status == 201, await answer.text()

    await asyncio.gather(*(client(bodies[first::clients]) for first in range(clients)))
    return bodies


async def certified_list(registry_url: str, count: int) -> None:
    """The commune's Form 01 list drawn (every person released) and certified today."""
    lists = f"/v1/communes/{COMMUNE}/borrower-lists"
    timeout = aiohttp.ClientTimeout(total=300)
    async with aiohttp.ClientSession(base_url=registry_url, headers=officer_headers(), timeout=timeout) as http:
        async with http.post(lists) as answer:
            assert answer.status == 201, await answer.text()
            drawn = await answer.json()
        assert len(drawn["rows"]) == count, f"the list has {len(drawn['rows'])} rows, not {count}"
        certification = {"certified_on": vietnam_today().isoformat(), "certified_by": SIGNATORY}
        async with http.post(f"{lists}/{drawn['list_id']}/certification", json=certification) as answer:
            assert answer.status == 200, await answer.text()


async def credit_caught_up(credit_database: str, count: int, timeout: float = 900) -> None:
    """Wait until credit's view of the registry lists `count` people of the commune and holds as many identity
    digests (the registry computes those only while it is idle, about 8 a second)."""
    connection = await asyncpg.connect(credit_database)
    try:
        deadline = time.monotonic() + timeout
        while True:
            listed, digests = await connection.fetchrow(
                "SELECT (SELECT count(*) FROM registry_listings WHERE commune_code = $1), "
                "(SELECT count(*) FROM identity_digests)", COMMUNE)
            if listed >= count and digests >= count:
                return
            assert time.monotonic() < deadline, f"credit has {listed} listings, {digests} digests after {timeout} s"
            await asyncio.sleep(1)
    finally:
        await connection.close()


async def registered_borrowers(credit_url: str, releases: list[dict[str, Any]], clients: int) -> list[str]:
    """Each released person registered as a borrower in credit by `clients` bank officers at once (found in the
    registry by citizen ID and birth date: one scrypt digest each); their borrower ids."""
    borrowers: list[str] = []

    async def client(mine: list[dict[str, Any]]) -> None:
        async with aiohttp.ClientSession(base_url=credit_url, headers=bank_headers()) as http:
            for release in mine:
                body = borrower_body(citizen_id=release["citizen_id"], birth_date=release["birth_date"],
                                     commune_code=COMMUNE)
                async with http.post("/v1/borrowers", json=body) as answer:
                    assert answer.status == 201, await answer.text()
                    registered = await answer.json()
                assert registered["person_id"] is not None, "credit did not find the registry's person"
                borrowers.append(registered["borrower_id"])

    await asyncio.gather(*(client(releases[first::clients]) for first in range(clients)))
    return borrowers


def set_up(registry_url: str, credit_url: str, credit_database: str, count: int,
           clients: tuple[int, int]) -> tuple[list[str], dict[str, float]]:
    """`count` borrowers (released by clients[0] officers at once, registered in credit by clients[1]), and how
    long each step of the set-up took (s)."""
    took: dict[str, float] = {}
    started = time.perf_counter()
    releases = asyncio.run(released(registry_url, count, clients[0]))
    asyncio.run(certified_list(registry_url, count))
    took["releases and the certified list"], started = time.perf_counter() - started, time.perf_counter()
    asyncio.run(credit_caught_up(credit_database, count))
    took["credit's view caught up (identity digests)"], started = time.perf_counter() - started, time.perf_counter()
    borrowers = asyncio.run(registered_borrowers(credit_url, releases, clients[1]))
    took["borrowers"] = time.perf_counter() - started
    return borrowers, took
