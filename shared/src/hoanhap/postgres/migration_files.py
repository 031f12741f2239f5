"""Finding a component's migrations: numbered plain-SQL files such as ``0001_events.sql`` in a folder or package."""

import re
from dataclasses import dataclass
from hashlib import sha256
from importlib.resources import files
from importlib.resources.abc import Traversable

FILE_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>[a-z0-9_]+)\.sql$")

MigrationSource = str | Traversable


class MigrationError(Exception):
    """A migration cannot be found, read or applied as it stands."""


class MigrationChanged(MigrationError):
    """A migration was edited after a database applied it."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered SQL file of a component."""

    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        """The SHA-256 of the SQL text, recorded when applied so later edits are noticed."""
        return sha256(self.sql.encode()).hexdigest()

    @property
    def file_name(self) -> str:
        """The file the migration came from."""
        return f"{self.version:04d}_{self.name}.sql"


def discover_migrations(source: MigrationSource) -> list[Migration]:
    """The migrations in a folder, or in a package named by its dotted name, in version order."""
    folder = files(source) if isinstance(source, str) else source
    if not folder.is_dir():
        raise MigrationError(f"migration folder {source} does not exist")
    found: dict[int, Migration] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        migration = _read(entry, source)
        if migration.version in found:
            raise MigrationError(f"{source} has two migrations numbered {migration.version:04d}: "
                                 f"{found[migration.version].file_name} and {entry.name}")
        found[migration.version] = migration
    return [found[version] for version in sorted(found)]


def _read(entry: Traversable, source: MigrationSource) -> Migration:
    matched = FILE_NAME.match(entry.name)
    if matched is None:
        raise MigrationError(f"migration file {entry.name} in {source} is not named like 0001_description.sql "
                             "(four digits, an underscore, lower-case letters, digits or underscores)")
    version = int(matched["version"])
    if version == 0:
        raise MigrationError(f"migration file {entry.name} in {source} is numbered 0000; numbering starts at 0001")
    return Migration(version, matched["name"], entry.read_text(encoding="utf-8"))
