"""The write-path kit's Idempotency-Key table in the registry's database: installed after the registry's own
migrations (which created it before the kit had it), answers remembered with the person they are about and
forgotten with them, and a second request with a key still being answered refused while the first holds it."""

import uuid

import asyncpg
import pytest

from hoanhap.write_path.errors import Conflict
from hoanhap.write_path.idempotency import IdempotencyKey, forget_answers_about, install_idempotency_schema


async def test_the_kits_table_names_the_person_and_installing_again_changes_nothing(pool: asyncpg.Pool):
    columns = await pool.fetch("SELECT column_name FROM information_schema.columns "
                               "WHERE table_name = 'idempotency_keys'")
    assert "person_id" in {row["column_name"] for row in columns}
    assert await install_idempotency_schema(pool) == []


async def test_an_answer_is_kept_replayed_and_forgotten_with_its_person(pool: asyncpg.Pool):
    key, person = IdempotencyKey("caller-1", f"k-{uuid.uuid4()}", "print"), uuid.uuid4()
    async with pool.acquire() as connection, connection.transaction():
        assert await key.earlier_answer(connection) is None
        await key.remember(connection, 201, {"person_id": str(person)}, person)
    async with pool.acquire() as connection, connection.transaction():
        replay = await key.earlier_answer(connection)
        assert replay is not None and replay.status_code == 201 and replay.headers["Idempotent-Replay"] == "true"
        await forget_answers_about(connection, person)
        assert await key.earlier_answer(connection) is None


async def test_a_retry_while_the_first_is_still_answered_is_refused_then_replayed(pool: asyncpg.Pool):
    key = IdempotencyKey("caller-1", f"k-{uuid.uuid4()}", "print")
    async with pool.acquire() as first, first.transaction():
        assert await key.earlier_answer(first) is None
        async with pool.acquire() as retry, retry.transaction():
            with pytest.raises(Conflict):
                await key.earlier_answer(retry)
        await key.remember(first, 200, {"ok": True})
    async with pool.acquire() as retry, retry.transaction():
        assert await key.earlier_answer(retry) is not None
