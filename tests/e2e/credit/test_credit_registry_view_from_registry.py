"""A release registered in the running registry reaches the running credit service's view of the registry and
its copy of the identity digests, and the applicant is found there by citizen ID; after erasure they are gone."""

import asyncio
import base64
import time
import uuid
from datetime import date

import asyncpg
import httpx

from hoanhap.postgres.pool import create_pool
from hoanhap_credit.adapters.identity_digests import PostgresIdentityDigests
from hoanhap_credit.adapters.registry_view import PostgresRegistryView
from hoanhap_credit.application.applicant_lookup import ApplicantLookup
from hoanhap_credit.domain.registry_person import RegistryPerson
from tests.support.services import DIGEST_KEY, officer_headers, release_body, supervisor_headers


async def awaited(lookup: ApplicantLookup, body: dict, present: bool, timeout: float = 60.0) -> RegistryPerson | None:
    """What credit finds under the body's citizen ID once it is (or is no longer) there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = await lookup.person_for_citizen_id(body["citizen_id"], date.fromisoformat(body["birth_date"]))
        if (found is not None) == present:
            return found
        await asyncio.sleep(0.5)
    raise AssertionError(f"credit's view {'never' if present else 'still'} has the person after {timeout:.0f} s")


async def rows_of(pool: asyncpg.Pool, person_id: uuid.UUID) -> int:
    async with pool.acquire() as connection:
        return await connection.fetchval(
            "SELECT (SELECT count(*) FROM registry_people WHERE person_id = $1) "
            "+ (SELECT count(*) FROM identity_digests WHERE person_id = $1)", person_id)


async def test_a_registered_release_is_found_by_citizen_id_in_credit_and_gone_after_erasure(
        registry: str, credit: str, credit_database: str) -> None:
    body, other = release_body(commune_code="00004"), release_body()
    client = httpx.AsyncClient(base_url=registry, timeout=30)
    answer = await client.post("/v1/releases", json=body, headers=officer_headers())
    assert answer.status_code == 201, answer.text
    person_id = uuid.UUID(answer.json()["person_id"])
    assert (await client.post("/v1/releases", json=other, headers=officer_headers())).status_code == 201
    pool = await create_pool(credit_database, min_size=1, max_size=2)
    lookup = ApplicantLookup(pool, PostgresRegistryView(), PostgresIdentityDigests(), base64.b64decode(DIGEST_KEY))
    try:
        found = await awaited(lookup, body, present=True)
        assert found is not None and (found.person_id, found.commune_code) == (person_id, "00004")
        assert (found.release_type.value, found.release_date.isoformat()) == ("completed_sentence", "2026-01-15")

        erasure = await client.post(f"/v1/people/{person_id}/erasure", json={"erased_on": "2026-03-01"},
                                    headers=supervisor_headers())
        assert erasure.status_code == 200, erasure.text

        assert await awaited(lookup, body, present=False) is None
        assert await rows_of(pool, person_id) == 0
        assert await awaited(lookup, other, present=True) is not None  # control: the other person is still found
    finally:
        await pool.close()
        await client.aclose()
