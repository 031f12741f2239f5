"""More people registered as borrowers at once than credit's pool has connections: each registration searches the
registry's digests (scrypt) while its request holds a connection, and every one is answered (none waits forever
for a second connection)."""

import asyncio

import httpx

from tests.support.credit import bank_headers, borrower_body

AT_ONCE = 24  # the service's pool holds 10 connections


async def test_more_borrowers_registered_at_once_than_the_pool_has_connections_are_all_answered(credit: str) -> None:
    async with httpx.AsyncClient(base_url=credit, headers=bank_headers(), timeout=60) as client:
        answers = await asyncio.wait_for(asyncio.gather(
            *(client.post("/v1/borrowers", json=borrower_body()) for _ in range(AT_ONCE))), timeout=90)

    assert [answer.status_code for answer in answers] == [201] * AT_ONCE
