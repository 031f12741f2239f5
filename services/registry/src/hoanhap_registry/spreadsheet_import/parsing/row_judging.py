"""Judging one data row: read each cell, then let ReleaseFields check every rule, and say in words what is wrong."""

from collections.abc import Mapping
from datetime import date

from hoanhap.spreadsheets import Header, RejectedRow, in_column_order, read_cells, validated
from hoanhap.spreadsheets.cell_text import read_text
from hoanhap_registry.application.release_input import ReleaseFields
from hoanhap_registry.spreadsheet_import.parsing.columns import COLUMNS
from hoanhap_registry.spreadsheet_import.parsing.results import ImportResult, ImportRow

IDENTITY_FIELDS = frozenset({"full_name", "citizen_id", "birth_date", "certificate_number"})


def without_identity(field: str, problem: str, cell: object, value: object) -> str:
    """The problem, not quoting an identity cell (a name, citizen ID, birth date, certificate number) as written
    or as read: the import's report is kept, and must not keep what erasure destroys."""
    if field not in IDENTITY_FIELDS:
        return problem
    for written in (read_text(cell), value):
        if isinstance(written, str) and written:
            problem = problem.replace(repr(written), "the cell")
    return problem.replace(value.isoformat(), "the cell") if isinstance(value, date) else problem


def judge_row(row_number: int, cells: Mapping[str, object], header: Header) -> ImportResult:
    """An ImportRow when every cell is understood and every rule holds; otherwise a RejectedRow with every reason."""
    values, problems = read_cells(cells, COLUMNS)
    release, problems = validated(ReleaseFields, values, problems)
    # An optional cell not understood leaves the model valid without it; the row is still refused.
    if problems or release is None:
        unquoted = [(field, without_identity(field, problem, cells.get(field), values.get(field)))
                    for field, problem in problems]
        return RejectedRow(row_number, in_column_order(unquoted, header))
    return ImportRow(row_number, release)
