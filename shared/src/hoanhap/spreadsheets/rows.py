"""From a file's rows to judged rows, for any kind of list: find the header, skip blank rows, read each cell with
its column's reader, validate the values with a pydantic model, and say in words, column by column, what is wrong.

What a row becomes is the caller's (`judge`); a refused row is a RejectedRow, the same shape for every import.
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from hoanhap.spreadsheets.cell_text import read_text
from hoanhap.spreadsheets.columns import Columns
from hoanhap.spreadsheets.file_kinds import numbered_rows
from hoanhap.spreadsheets.header import Header, find_header

Judged = TypeVar("Judged")
Model = TypeVar("Model", bound=BaseModel)
Problem = tuple[str, str]
"""A field and what is wrong with its cell, in words."""


@dataclass(frozen=True)
class AcceptedRow(Generic[Model]):
    """A row whose every cell was understood and whose values the model took; `row_number` as the spreadsheet
    shows it."""

    row_number: int
    body: Model


@dataclass(frozen=True)
class RejectedRow:
    """A row refused; each reason names the column (as headed in the file, then its English name) and the problem."""

    row_number: int
    reasons: list[str]


def judged_rows(content: bytes, filename: str, columns: Columns,
                judge: Callable[[int, Mapping[str, object], Header], Judged]) -> Iterator[Judged]:
    """Each non-blank row below the header, judged, in file order, numbered as the spreadsheet numbers it.

    Raises ImportFileError at once when the file cannot be read or its header lacks a required column, and while
    iterating if an XLSX sheet turns out damaged part way.
    """
    rows = numbered_rows(content, filename)
    header = find_header(rows, columns)

    def judged() -> Iterator[Judged]:
        for row_number, row in rows:
            cells = header.cells_by_field(row)
            if not is_blank(cells):
                yield judge(row_number, cells, header)
    return judged()


def is_blank(cells: Mapping[str, object]) -> bool:
    """True when no column the import uses has anything in it (a numbered but empty row is blank too)."""
    return all(read_text(value) is None for value in cells.values())


def read_cells(cells: Mapping[str, object], columns: Columns) -> tuple[dict[str, object], list[Problem]]:
    """The values of the cells understood, and the problem of each cell that is not (or is required but empty)."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for column in columns.columns:
        try:
            value = column.reader(cells.get(column.field))
        except ValueError as problem:
            problems.append((column.field, str(problem)))
            continue
        if value is not None:
            values[column.field] = value
        elif column.required:
            problems.append((column.field, "is empty but required"))
    return values, problems


def validated(model: type[Model], values: Mapping[str, object],
              problems: list[Problem]) -> tuple[Model | None, list[Problem]]:
    """The model of the values, and every problem: the cells' and then the model's (a cell not understood is also
    "missing" to the model, so it is reported once)."""
    try:
        return model.model_validate(values), problems
    except ValidationError as invalid:
        reported = {field for field, _ in problems}
        from_model = [problem_of(error) for error in invalid.errors()]
        return None, problems + [(field, message) for field, message in from_model if field not in reported]


def problem_of(error: ErrorDetails) -> Problem:
    """A pydantic error as the field it concerns and a sentence; our own checks' messages are taken as they are."""
    field = str(error["loc"][0]) if error["loc"] else ""
    message = str(error.get("ctx", {}).get("error", "")) if error["type"] == "value_error" else error["msg"]
    return field, message


def accepted_or_rejected(row_number: int, body: Model | None, problems: list[Problem],
                         header: Header) -> AcceptedRow[Model] | RejectedRow:
    """The row accepted when the model took its values and no cell had a problem (an optional cell not understood
    leaves the model valid without it; the row is still refused), else rejected with every reason."""
    if body is not None and not problems:
        return AcceptedRow(row_number, body)
    return RejectedRow(row_number, in_column_order(problems, header))


def in_column_order(problems: list[Problem], header: Header) -> list[str]:
    """Each problem prefixed with its column, left to right as the columns are listed."""
    order = [column.field for column in header.columns.columns]
    ranked = sorted(problems, key=lambda problem: order.index(problem[0]) if problem[0] in order else len(order))
    return [f"{header.label(field)}: {message}" if field in order else message for field, message in ranked]
