"""A spreadsheet's columns: each field's English name, its usual Vietnamese header, other headers officers use, and
the reader of its cells; a Columns is one import's set of them.

Headers are compared folded (see folding.py): "SỐ  CCCD", "so cccd" and "Số CCCD" are one header.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from hoanhap.spreadsheets.cell_text import read_text
from hoanhap.spreadsheets.folding import fold

CellReader = Callable[[object], object]
"""Reads one cell: its value, None when blank, ValueError in words for a cell it cannot understand."""


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    required: bool
    other_headers: tuple[str, ...] = ()
    reader: CellReader = read_text

    def label(self) -> str:
        """How a message names the column when the file has none: "Ngày ra trại (release_date)"."""
        return f"{self.header} ({self.field})"


@dataclass(frozen=True)
class Columns:
    """The columns one kind of list has, in the order messages list them."""

    columns: tuple[Column, ...]
    field_by_folded_header: Mapping[str, str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "field_by_folded_header", field_by_folded_header(self.columns))

    @property
    def column_of_field(self) -> dict[str, Column]:
        return {column.field: column for column in self.columns}

    @property
    def required_fields(self) -> tuple[str, ...]:
        return tuple(column.field for column in self.columns if column.required)

    def field_named_by(self, header: object) -> str | None:
        """The field a header cell names, or None for a column the import does not use."""
        return self.field_by_folded_header.get(fold(str(header))) if header is not None else None


def field_by_folded_header(columns: tuple[Column, ...]) -> dict[str, str]:
    """Every accepted header, folded, to its field; the English field name is always accepted."""
    accepted: dict[str, str] = {}
    for column in columns:
        for header in (column.field, column.header, *column.other_headers):
            if accepted.setdefault(fold(header), column.field) != column.field:
                raise RuntimeError(f"header {header!r} is given to two columns")
    return accepted
