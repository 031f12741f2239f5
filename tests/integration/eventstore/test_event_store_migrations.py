"""Migrations apply once each, in order, even when instances start together; edits and failures are loud."""

import asyncio
from pathlib import Path

import asyncpg
import pytest

from hoanhap.eventstore import install_event_store_schema
from hoanhap.postgres import MigrationChanged, apply_migrations

EVENT_STORE_FILES = ["0001_events.sql", "0002_snapshots.sql", "0003_global_chain.sql", "0004_checkpoints.sql",
                     "0005_no_snapshots.sql"]


async def history(connection: asyncpg.Connection, component: str) -> list[str]:
    rows = await connection.fetch("SELECT version, name FROM schema_migrations WHERE component = $1 "
                                  "ORDER BY version", component)
    return [f"{row['version']:04d}_{row['name']}.sql" for row in rows]


def write(folder: Path, name: str, sql: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(sql)


async def test_installing_again_applies_nothing(connect) -> None:
    connection = await connect()
    assert [migration.file_name for migration in await install_event_store_schema(connection)] == EVENT_STORE_FILES
    assert await install_event_store_schema(connection) == []
    assert await history(connection, "eventstore") == EVENT_STORE_FILES


async def test_instances_starting_together_apply_each_migration_once(connect) -> None:
    connections = [await connect() for _ in range(6)]
    applied = await asyncio.gather(*(install_event_store_schema(connection) for connection in connections))
    assert sorted(migration.file_name for batch in applied for migration in batch) == EVENT_STORE_FILES
    assert await history(connections[0], "eventstore") == EVENT_STORE_FILES


async def test_a_component_s_later_migrations_apply_on_the_next_start(connect, tmp_path: Path) -> None:
    connection, folder = await connect(), tmp_path / "visits"
    write(folder, "0001_visits.sql", "CREATE TABLE visits (id bigint PRIMARY KEY);")
    assert len(await apply_migrations(connection, folder, "supervision")) == 1
    write(folder, "0002_visit_notes.sql", "ALTER TABLE visits ADD COLUMN note text;")
    [added] = await apply_migrations(connection, folder, "supervision")
    assert added.file_name == "0002_visit_notes.sql"
    await connection.execute("INSERT INTO visits (id, note) VALUES (1, 'thăm')")
    assert await history(connection, "supervision") == ["0001_visits.sql", "0002_visit_notes.sql"]


async def test_components_keep_separate_histories(connect, tmp_path: Path) -> None:
    connection, folder = await connect(), tmp_path / "loans"
    write(folder, "0001_events_shadow.sql", "CREATE TABLE loans (id bigint PRIMARY KEY);")
    await install_event_store_schema(connection)
    assert len(await apply_migrations(connection, folder, "credit")) == 1
    assert await history(connection, "credit") == ["0001_events_shadow.sql"]


async def test_an_applied_migration_that_was_edited_is_refused(connect, tmp_path: Path) -> None:
    connection, folder = await connect(), tmp_path / "cases"
    write(folder, "0001_cases.sql", "CREATE TABLE cases (id bigint PRIMARY KEY);")
    await apply_migrations(connection, folder, "registry")
    write(folder, "0001_cases.sql", "CREATE TABLE cases (id bigint PRIMARY KEY, closed boolean);")
    with pytest.raises(MigrationChanged, match="0001_cases.sql of registry was applied"):
        await apply_migrations(connection, folder, "registry")


async def test_a_failing_migration_is_rolled_back_unrecorded_and_the_lock_released(connect,
                                                                                  tmp_path: Path) -> None:
    connection, folder = await connect(), tmp_path / "stats"
    write(folder, "0001_cohorts.sql", "CREATE TABLE cohorts (id bigint PRIMARY KEY);")
    write(folder, "0002_broken.sql", "CREATE TABLE half_done (id bigint); SELECT 1 / 0;")
    with pytest.raises(asyncpg.DivisionByZeroError):
        await apply_migrations(connection, folder, "stats")
    assert await history(connection, "stats") == ["0001_cohorts.sql"]
    assert await connection.fetchval("SELECT to_regclass('half_done')") is None
    write(folder, "0002_broken.sql", "CREATE TABLE half_done (id bigint);")
    other = await connect()
    assert [migration.version for migration in await asyncio.wait_for(
        apply_migrations(other, folder, "stats"), timeout=5)] == [2]
