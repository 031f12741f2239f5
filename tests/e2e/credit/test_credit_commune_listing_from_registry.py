"""A release registered in the running registry, its person put on the commune's list (Form 01) and the list
certified there, reaches the running credit service's view of the registry as the person's listing: certified by
the commune People's Committee on that day, the signatory's name left in the registry."""

import asyncio
import time
import uuid
from datetime import date

import asyncpg
import httpx

from hoanhap.postgres.pool import create_pool
from hoanhap.vietnam_time import vietnam_today
from hoanhap_credit.adapters.registry_view import PostgresRegistryView
from hoanhap_credit.domain.applications import CommuneListing
from hoanhap_credit.domain.registry_person import RegistryPerson
from tests.support.services import officer_headers, release_body

COMMUNE = "00008"
LISTS = f"/v1/communes/{COMMUNE}/borrower-lists"
SIGNATORY = "Chủ tịch UBND phường Trần Văn Ký"


async def listed_person(pool: asyncpg.Pool, person_id: uuid.UUID, timeout: float = 60.0) -> RegistryPerson:
    """The person in credit's view once their listing has arrived."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        async with pool.acquire() as connection:
            person = await PostgresRegistryView().person(connection, person_id)
        if person is not None and person.listing is not None:
            return person
        await asyncio.sleep(0.5)
    raise AssertionError(f"credit's view has no listing of the person after {timeout:.0f} s")


async def test_a_person_on_a_certified_commune_list_in_the_registry_is_listed_in_credits_view(
        registry: str, credit: str, credit_database: str) -> None:
    async with httpx.AsyncClient(base_url=registry, timeout=30) as client:
        answer = await client.post("/v1/releases", json=release_body(commune_code=COMMUNE), headers=officer_headers())
        assert answer.status_code == 201, answer.text
        person_id = uuid.UUID(answer.json()["person_id"])
        drawn = await client.post(LISTS, headers=officer_headers())
        assert drawn.status_code == 201, drawn.text
        list_id = drawn.json()["list_id"]
        assert [row["person_id"] for row in drawn.json()["rows"]] == [str(person_id)]
        today = vietnam_today()
        certified = await client.post(f"{LISTS}/{list_id}/certification", headers=officer_headers(),
                                      json={"certified_on": today.isoformat(), "certified_by": SIGNATORY})
        assert certified.status_code == 200, certified.text

    pool = await create_pool(credit_database, min_size=1, max_size=2)
    try:
        person = await listed_person(pool, person_id)
        async with pool.acquire() as connection:
            stored = await connection.fetchrow("SELECT * FROM registry_listings WHERE person_id = $1", person_id)
    finally:
        await pool.close()
    assert person.listing == CommuneListing(certified_by="UBND xã", certified_on=today)
    assert person.certified_listing is not None and str(person.certified_listing.list_id) == list_id
    assert (person.commune_code, person.release_date) == (COMMUNE, date(2026, 1, 15))
    assert SIGNATORY not in str(dict(stored))
