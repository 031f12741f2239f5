"""A store written before the global chain existed upgrades in place: its events get their global hashes once, in
position order, and appends, stream verification and whole-store verification carry on from them."""

import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from importlib.resources import as_file, files
from pathlib import Path

import asyncpg
import pytest

from hoanhap.eventstore import PostgresEventStore, install_event_store_schema
from hoanhap.eventstore.hash_chain import GENESIS, chained_hash, feed_hash
from hoanhap.eventstore.pending import prepare_append
from hoanhap.eventstore.postgres.schema import COMPONENT, MIGRATIONS_PACKAGE
from hoanhap.eventstore.testing import new_stream_id, sample_events
from hoanhap.postgres import apply_migrations
from hoanhap.postgres.pool import create_pool

BEFORE_THE_GLOBAL_CHAIN = ["0001_events.sql", "0002_snapshots.sql"]
OLD_INSERT = """INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, payload, metadata,
                                    recorded_at, hash)
                SELECT e.stream_id, e.stream_version, e.event_id, e.type, e.schema_version, e.payload, e.metadata,
                       e.recorded_at, $2
                FROM jsonb_to_record(convert_from($1, 'UTF8')::jsonb) AS e (
                    stream_id text, stream_version integer, event_id uuid, type text, schema_version integer,
                    payload jsonb, metadata jsonb, recorded_at timestamptz)"""


def old_migrations(folder: Path) -> Path:
    """A folder holding the event store's migrations from before the global chain."""
    folder.mkdir()
    with as_file(files(MIGRATIONS_PACKAGE)) as package:
        for name in BEFORE_THE_GLOBAL_CHAIN:
            shutil.copy(Path(package) / name, folder / name)
    return folder


async def install_old_store(pool: asyncpg.Pool, folder: Path) -> None:
    """The event store's tables as they were before the global chain, recorded as the event store's migrations."""
    await apply_migrations(pool, old_migrations(folder), COMPONENT)


async def append_the_old_way(pool: asyncpg.Pool, stream_id: str, expected_version: int, count: int) -> None:
    """Events with their stream hashes only, as the store wrote them before the global chain."""
    previous = GENESIS
    if expected_version:
        previous = await pool.fetchval("SELECT hash FROM events WHERE stream_id = $1 AND stream_version = $2",
                                       stream_id, expected_version)
    for event in prepare_append(stream_id, expected_version, sample_events(count), datetime.now(UTC)):
        previous = chained_hash(previous, event.content)
        await pool.execute(OLD_INSERT, event.content, previous)


@pytest.fixture
async def bare_pool(database_url: str, schema: str) -> AsyncIterator[asyncpg.Pool]:
    """A pool on the test's empty schema, with no tables installed."""
    pool = await create_pool(database_url, max_size=2, schema=schema)
    yield pool
    await pool.close()


async def test_an_old_store_gets_its_global_chain_in_position_order_and_carries_on(bare_pool: asyncpg.Pool,
                                                                                   tmp_path: Path) -> None:
    pool = bare_pool
    await install_old_store(pool, tmp_path / "old")
    first, second = new_stream_id(), new_stream_id()
    await append_the_old_way(pool, first, 0, 2)
    await append_the_old_way(pool, second, 0, 3)
    await append_the_old_way(pool, first, 2, 2)

    applied = await install_event_store_schema(pool)

    assert [migration.file_name for migration in applied] == ["0003_global_chain.sql", "0004_checkpoints.sql",
                                                               "0005_no_snapshots.sql"]
    store = PostgresEventStore(pool)
    previous = GENESIS
    for event in await store.read_all_after(0):
        assert event.global_hash == feed_hash(previous, bytes.fromhex(event.hash)).hex()
        previous = bytes.fromhex(event.global_hash)
    await store.append(first, 4, sample_events(1))
    verdict = await store.verify_all()
    assert verdict.ok and verdict.events_checked == 8 and verdict.last_position == await store.last_position()
    assert (await store.verify_stream(first)).ok and (await store.verify_stream(second)).ok
