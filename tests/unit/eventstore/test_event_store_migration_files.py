"""Finding migration files: numbered, named plainly, in order, from a folder or a package."""

from pathlib import Path

import pytest

from hoanhap.postgres import MigrationError
from hoanhap.postgres.migration_files import discover_migrations


def test_the_event_store_ships_its_migrations_in_its_package() -> None:
    migrations = discover_migrations("hoanhap.eventstore.migrations")
    assert [migration.file_name for migration in migrations] == ["0001_events.sql", "0002_snapshots.sql",
                                                                 "0003_global_chain.sql", "0004_checkpoints.sql",
                                                                 "0005_no_snapshots.sql"]
    assert "CREATE TABLE events" in migrations[0].sql


def test_migrations_come_in_version_order_and_other_files_are_ignored(tmp_path: Path) -> None:
    for name in ("0010_later.sql", "0002_second.sql", "0001_first.sql", "README.md"):
        (tmp_path / name).write_text(f"-- {name}")
    assert [migration.version for migration in discover_migrations(tmp_path)] == [1, 2, 10]


def test_a_checksum_changes_with_the_sql(tmp_path: Path) -> None:
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE a ();")
    before = discover_migrations(tmp_path)[0].checksum
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE b ();")
    assert discover_migrations(tmp_path)[0].checksum != before


@pytest.mark.parametrize(("names", "complaint"), [
    (["1_short.sql"], "is not named like 0001_description.sql"),
    (["0001_Capitals.sql"], "is not named like"),
    (["0000_zero.sql"], "numbering starts at 0001"),
    (["0001_one.sql", "0001_other.sql"], "two migrations numbered 0001"),
])
def test_badly_named_or_numbered_files_are_refused(tmp_path: Path, names: list[str], complaint: str) -> None:
    for name in names:
        (tmp_path / name).write_text("SELECT 1;")
    with pytest.raises(MigrationError, match=complaint):
        discover_migrations(tmp_path)


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MigrationError, match="does not exist"):
        discover_migrations(tmp_path / "nowhere")
