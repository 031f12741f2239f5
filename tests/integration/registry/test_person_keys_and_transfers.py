"""People's keys (kept with the case, fetched one or many, gone with erasure) and transfer requests (one per person
and commune, listed to the holding commune while the case is open and held elsewhere)."""

import uuid
from datetime import date

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap_registry.adapters.transfers import holdings, open_requests, request_transfer
from hoanhap_registry.application.registry import Registry
from hoanhap_registry.domain import commands as cmd
from hoanhap_registry.identity.sealing import unseal
from tests.integration.registry.conftest import OFFICER, register

HCMC_OFFICER = Principal(sub="officer-79", agency=Agency.POLICE, role=Role.OFFICER,
                         jurisdiction=Jurisdiction(province="79", communes=("26506",)))


async def test_a_persons_key_opens_their_sealed_identity_until_erasure(registry: Registry):
    kept, body = await register(registry)
    erased, _ = await register(registry)
    async with registry.pool.acquire() as connection, connection.transaction():
        key = await registry.keys.fetch(connection, kept)
        sealed = await connection.fetchval("SELECT sealed_identity FROM people WHERE person_id = $1", kept)
        assert key is not None and unseal(sealed, key, kept).citizen_id == body.citizen_id
        await registry.change(connection, erased, cmd.EraseIdentity(date(2026, 2, 1)), OFFICER)
        assert set(await registry.keys.fetch_many(connection, [kept, erased, uuid.uuid4()])) == {kept}


async def test_a_transfer_request_is_one_per_person_and_commune_and_listed_where_the_case_is_held(
        registry: Registry):
    person_id, _ = await register(registry)
    async with registry.pool.acquire() as connection:
        held = (await holdings(connection, [person_id, uuid.uuid4()]))
        assert list(held) == [person_id] and not held[person_id].visible_to(HCMC_OFFICER)
        first = await request_transfer(connection, person_id, "79", "26506", HCMC_OFFICER)
        assert await request_transfer(connection, person_id, "79", "26506", HCMC_OFFICER) == first
        listed = await open_requests(connection, "01", "00004")
        assert [(r["request_id"], r["to_commune_code"]) for r in listed if r["person_id"] == str(person_id)] == [
            (str(first), "26506")]
        assert await open_requests(connection, "79", "26506") == []


async def test_a_request_leaves_the_list_once_the_case_moved_there(registry: Registry):
    person_id, _ = await register(registry)
    async with registry.pool.acquire() as connection, connection.transaction():
        await request_transfer(connection, person_id, "79", "26506", HCMC_OFFICER)
        await registry.change(connection, person_id, cmd.ChangeResidence("79", "26506", None, date(2026, 2, 1)),
                              OFFICER)
        assert [r for r in await open_requests(connection, "01", "00004") if r["person_id"] == str(person_id)] == []
