"""Credit for e2e tests: bank staff's tokens, a borrower's and a business's bodies, waiting until credit's view of
the registry has a person."""

import asyncio
import time
import uuid
from typing import Any

import asyncpg

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from tests.support.services import bearer_headers, new_citizen_id


def bank_headers(role: Role = Role.OFFICER, communes: tuple[str, ...] = ("00004",),
                 province: str = "01") -> dict[str, str]:
    """Authorization for the bank's staff of these communes of the province."""
    principal = Principal(sub=f"bank-{role.value}-1", agency=Agency.BANK, role=role,
                          jurisdiction=Jurisdiction(province=province, communes=communes))
    return bearer_headers(principal)


def borrower_body(**changes: Any) -> dict[str, Any]:
    """A person the bank lends to, in commune 00004 of Hà Nội."""
    body = {"citizen_id": new_citizen_id(), "birth_date": "1990-02-03", "full_name": "Trần Văn Khải",
            "address": "Số 12 ngõ Hòa Bình, tổ 5", "household_representative": "Trần Thị Mai",
            "province_code": "01", "commune_code": "00004"}
    return {**body, **changes}


def business_body(**changes: Any) -> dict[str, Any]:
    """A cooperative of commune 00004 of Hà Nội, with a registration number of its own (one business per number)."""
    body = {"name": "Hợp tác xã Mây tre Phú Vinh", "registration": f"HTX-0104-{uuid.uuid4().hex[:10].upper()}",
            "kind": "cooperative", "province_code": "01", "commune_code": "00004"}
    return {**body, **changes}


def person_known_to_credit(database_url: str, person_id: str, timeout: float = 90.0) -> None:
    """Wait until credit's view of the registry and its copy of the identity digests both have the person."""

    async def known() -> bool:
        connection = await asyncpg.connect(database_url)
        try:
            return bool(await connection.fetchval(
                "SELECT EXISTS (SELECT 1 FROM registry_people WHERE person_id = $1) "
                "AND EXISTS (SELECT 1 FROM identity_digests WHERE person_id = $1)", uuid.UUID(person_id)))
        finally:
            await connection.close()

    deadline = time.monotonic() + timeout
    while not asyncio.run(known()):
        assert time.monotonic() < deadline, f"credit never learnt of the person in {timeout:.0f} s"
        time.sleep(0.5)


def listed_in_credit(database_url: str, person_ids: list[str], timeout: float = 90.0) -> None:
    """Wait until credit's view of the registry holds the commune listing of each of the people."""

    async def listed() -> int:
        connection = await asyncpg.connect(database_url)
        try:
            return int(await connection.fetchval("SELECT count(*) FROM registry_listings WHERE person_id = ANY($1)",
                                                 [uuid.UUID(person_id) for person_id in person_ids]))
        finally:
            await connection.close()

    deadline = time.monotonic() + timeout
    while asyncio.run(listed()) < len(person_ids):
        assert time.monotonic() < deadline, f"credit never learnt of the commune listing in {timeout:.0f} s"
        time.sleep(0.5)
