"""The people table is each case's current state, written by the statement that appends its events: opened with
the lookup digest of the citizen ID, changed with the case, emptied of identity on erasure; a second registration
of the same release is refused as the domain's ReleaseAlreadyRegistered."""

import uuid
from datetime import date

import asyncpg
import pytest

from hoanhap_registry.application.registration import registration_of
from hoanhap_registry.application.registry import Registry
from hoanhap_registry.domain import commands as cmd
from hoanhap_registry.domain.errors import ReleaseAlreadyRegistered
from tests.integration.registry.conftest import OFFICER, register


async def person_row(pool: asyncpg.Pool, person_id: uuid.UUID) -> asyncpg.Record:
    row = await pool.fetchrow("SELECT * FROM people WHERE person_id = $1", person_id)
    assert row is not None
    return row


async def test_a_registration_writes_the_state_with_the_lookup_digest(registry: Registry):
    person_id, body = await register(registry)
    row = await person_row(registry.pool, person_id)
    assert (row["version"], row["status"], row["province_code"], row["commune_code"]) == (1, "open", "01", "00004")
    assert row["national_id_digest"] == registry.digest(body.citizen_id)
    assert row["confirmation_due_on"] == date(2026, 1, 14) and row["sealed_identity"] is not None
    assert body.full_name not in str(dict(row))


async def test_a_change_rewrites_the_state_with_its_version(registry: Registry):
    person_id, _ = await register(registry)
    async with registry.pool.acquire() as connection, connection.transaction():
        await registry.change(connection, person_id, cmd.ConfirmResidence(date(2026, 1, 12)), OFFICER)
    row = await person_row(registry.pool, person_id)
    assert (row["version"], row["confirmed_on"]) == (2, date(2026, 1, 12))


async def test_erasure_drops_the_identity_the_digest_and_the_key(registry: Registry):
    person_id, _ = await register(registry)
    async with registry.pool.acquire() as connection, connection.transaction():
        await registry.change(connection, person_id, cmd.EraseIdentity(date(2026, 2, 1)), OFFICER)
        assert await registry.keys.fetch(connection, person_id) is None
    row = await person_row(registry.pool, person_id)
    assert (row["status"], row["national_id_digest"], row["sealed_identity"]) == ("erased", None, None)
    queued = await registry.pool.fetchval("SELECT action FROM identity_digest_queue WHERE person_id = $1", person_id)
    assert queued == "withdraw"


async def test_the_same_release_twice_is_already_registered_and_writes_nothing(registry: Registry):
    first, body = await register(registry)
    again = uuid.uuid4()
    async with registry.pool.acquire() as connection:
        with pytest.raises(ReleaseAlreadyRegistered):
            await registry.register(connection, again, registration_of(body, body.notified_on), OFFICER)
        assert await registry.find_registration(connection, body.citizen_id, body.release_date) == first
    assert await registry.pool.fetchval("SELECT count(*) FROM events WHERE stream_id = $1", str(again)) == 0
