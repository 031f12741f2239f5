"""Taking signed checkpoints of the global chain: of the newest event, once for all processes, never over a broken
chain, kept in the database and outside it, and immutable through ordinary SQL."""

import asyncio
import json
from datetime import timedelta

import asyncpg
import pytest

from hoanhap.eventstore import PostgresEventStore
from hoanhap.eventstore.audit.checkpoint import checkpoint_of_line
from hoanhap.eventstore.audit.periodic import checkpoint_now, checkpoints_running
from hoanhap.eventstore.audit.settings import AuditSettings
from hoanhap.eventstore.clock import utc_now
from hoanhap.eventstore.errors import ChainBroken
from hoanhap.eventstore.postgres.checkpoints import every_checkpoint, take_checkpoint
from hoanhap.eventstore.testing import new_stream_id, sample_events
from tests.integration.eventstore.sql_tampering import SqlTamperer

STORE = "registry"


async def test_a_checkpoint_signs_the_newest_event_s_global_hash_and_the_count_and_is_kept_outside(
        store: PostgresEventStore, pool: asyncpg.Pool, audit_settings: AuditSettings) -> None:
    await store.append(new_stream_id(), 0, sample_events(3))
    [*_, newest] = await store.append(new_stream_id(), 0, sample_events(2))
    checkpoint = await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings)
    assert checkpoint is not None
    assert (checkpoint.position, checkpoint.tip.global_hash.hex(), checkpoint.tip.events) == (
        newest.position, newest.global_hash, 5)
    assert checkpoint.is_signed_by(audit_settings.verifying_key)
    async with pool.acquire() as connection:
        assert await every_checkpoint(connection, STORE) == [checkpoint]
    [line] = audit_settings.audit_checkpoint_file.read_text().splitlines()
    assert checkpoint_of_line(line) == checkpoint


async def test_the_next_checkpoint_continues_the_count_from_the_last(
        store: PostgresEventStore, pool: asyncpg.Pool, audit_settings: AuditSettings) -> None:
    await store.append(new_stream_id(), 0, sample_events(3))
    await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings)
    await store.append(new_stream_id(), 0, sample_events(4))
    second = await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings)
    assert second is not None and second.tip.events == 7 and second.position == await store.last_position()


async def test_no_checkpoint_is_taken_when_nothing_was_appended_since_the_last(
        store: PostgresEventStore, pool: asyncpg.Pool, audit_settings: AuditSettings) -> None:
    assert await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings) is None, "an empty store"
    await store.append(new_stream_id(), 0, sample_events(1))
    assert await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings) is not None
    assert await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings) is None


async def test_no_checkpoint_is_taken_within_the_given_time_of_the_last(
        store: PostgresEventStore, pool: asyncpg.Pool, audit_settings: AuditSettings) -> None:
    await store.append(new_stream_id(), 0, sample_events(1))
    await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings)
    await store.append(new_stream_id(), 0, sample_events(1))
    assert await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings,
                                unless_taken_within=timedelta(hours=1)) is None
    assert await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings) is not None


async def test_processes_taking_a_checkpoint_at_once_take_one(store: PostgresEventStore, connect,
                                                              audit_settings: AuditSettings) -> None:
    await store.append(new_stream_id(), 0, sample_events(3))
    connections = [await connect() for _ in range(6)]
    taken = await asyncio.gather(*(take_checkpoint(connection, STORE, audit_settings.signing_key, utc_now())
                                   for connection in connections))
    assert len([checkpoint for checkpoint in taken if checkpoint is not None]) == 1
    assert len(await every_checkpoint(connections[0], STORE)) == 1


async def test_no_checkpoint_vouches_for_a_chain_broken_since_the_last(
        store: PostgresEventStore, pool: asyncpg.Pool, tamperer: SqlTamperer, audit_settings: AuditSettings) -> None:
    await store.append(new_stream_id(), 0, sample_events(2))
    await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings)
    victim = new_stream_id()
    await store.append(victim, 0, sample_events(2))
    await store.append(new_stream_id(), 0, sample_events(1))
    await tamperer.delete_stream(victim)
    with pytest.raises(ChainBroken, match="no checkpoint signed: the global chain breaks"):
        await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings)
    async with pool.acquire() as connection:
        assert len(await every_checkpoint(connection, STORE)) == 1


async def test_a_running_service_signs_checkpoints_while_events_are_appended(
        store: PostgresEventStore, pool: asyncpg.Pool, audit_settings: AuditSettings) -> None:
    settings = audit_settings.model_copy(update={"audit_checkpoint_seconds": 1})
    async with checkpoints_running(pool, STORE, settings):
        await store.append(new_stream_id(), 0, sample_events(2))
        while not settings.audit_checkpoint_file.exists():
            await asyncio.sleep(0.2)
    [line] = settings.audit_checkpoint_file.read_text().splitlines()
    assert json.loads(line)["position"] == await store.last_position()


@pytest.mark.parametrize("statement", ["UPDATE event_checkpoints SET events = events + 1",
                                       "DELETE FROM event_checkpoints"])
async def test_changing_kept_checkpoints_is_refused(store: PostgresEventStore, pool: asyncpg.Pool,
                                                    audit_settings: AuditSettings, statement: str) -> None:
    await store.append(new_stream_id(), 0, sample_events(1))
    await checkpoint_now(pool, STORE, audit_settings.signing_key, audit_settings)
    with pytest.raises(asyncpg.RaiseError, match="checkpoints are kept as signed"):
        await pool.execute(statement)
