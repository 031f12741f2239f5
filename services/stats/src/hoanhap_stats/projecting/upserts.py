"""Writing a batch's rows into one read-model table in one statement: each column goes in as an array (unnest),
and a row whose key is already stored replaces the named columns of the stored row, or leaves it as it is.

The batch's fold keeps one row per key (ON CONFLICT DO UPDATE refuses a key given twice in one statement)."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from hoanhap.postgres.connections import Connection


@dataclass(frozen=True)
class Upsert:
    """The table, its columns in row order with their SQL types, its key, and the columns a new row replaces
    when the key is stored already (none: the stored row stays as it is).
    A key of several columns is named as the ON CONFLICT target is, e.g. "case_id, as_of"."""

    table: str
    columns: dict[str, str]
    key: str
    replaced: tuple[str, ...] = ()

    @cached_property
    def statement(self) -> str:
        """The INSERT ... SELECT FROM unnest(...) ON CONFLICT statement."""
        arrays = ", ".join(f"${number}::{sql_type}[]" for number, sql_type in enumerate(self.columns.values(), 1))
        on_conflict = (f"DO UPDATE SET {', '.join(f'{column} = EXCLUDED.{column}' for column in self.replaced)}"
                       if self.replaced else "DO NOTHING")
        return (f"INSERT INTO {self.table} ({', '.join(self.columns)}) SELECT * FROM unnest({arrays}) "
                f"ON CONFLICT ({self.key}) {on_conflict}")

    async def write(self, connection: Connection, rows: Sequence[Sequence[object]]) -> None:
        """Write the rows, each a value per column in order; nothing is sent when there are none."""
        if rows:
            await connection.execute(self.statement, *(list(column) for column in zip(*rows, strict=True)))


def every_column_but(columns: dict[str, str], *kept: str) -> tuple[str, ...]:
    """The columns other than those a stored row keeps."""
    return tuple(column for column in columns if column not in kept)
