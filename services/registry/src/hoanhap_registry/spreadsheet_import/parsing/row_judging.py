"""Judging one data row: read each cell, then let ReleaseFields check every rule, and say in words what is wrong."""

from collections.abc import Callable, Mapping
from datetime import date

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from hoanhap.places import COMMUNE_CODE_WIDTH, PROVINCE_CODE_WIDTH
from hoanhap_registry.application.release_input import ReleaseFields
from hoanhap_registry.spreadsheet_import.parsing.cell_choices import read_release_type, read_sex
from hoanhap_registry.spreadsheet_import.parsing.cell_dates import read_date
from hoanhap_registry.spreadsheet_import.parsing.cell_sentences import read_articles, read_months
from hoanhap_registry.spreadsheet_import.parsing.cell_text import code_reader, read_citizen_id, read_text
from hoanhap_registry.spreadsheet_import.parsing.columns import REQUIRED_FIELDS
from hoanhap_registry.spreadsheet_import.parsing.header import Header
from hoanhap_registry.spreadsheet_import.parsing.results import ImportResult, ImportRow, RejectedRow

READER_OF_FIELD: Mapping[str, Callable[[object], object]] = {
    "full_name": read_text,
    "citizen_id": read_citizen_id,
    "birth_date": read_date,
    "sex": read_sex,
    "province_code": code_reader(PROVINCE_CODE_WIDTH),
    "commune_code": code_reader(COMMUNE_CODE_WIDTH),
    "village": read_text,
    "former_place_name": read_text,
    "facility": read_text,
    "offence_articles": read_articles,
    "sentence_months": read_months,
    "release_type": read_release_type,
    "release_date": read_date,
    "supervision_end": read_date,
    "certificate_number": read_text,
}


IDENTITY_FIELDS = frozenset({"full_name", "citizen_id", "birth_date", "certificate_number"})


def is_blank(cells: Mapping[str, object]) -> bool:
    """True when no column the import uses has anything in it (a numbered but empty row is blank too)."""
    return all(read_text(value) is None for value in cells.values())


def read_cells(cells: Mapping[str, object]) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """The values of the cells understood, and the problem of each cell that is not (or is required but empty)."""
    values: dict[str, object] = {}
    problems: list[tuple[str, str]] = []
    for field, reader in READER_OF_FIELD.items():
        try:
            value = reader(cells.get(field))
        except ValueError as problem:
            problems.append((field, str(problem)))
            continue
        if value is not None:
            values[field] = value
        elif field in REQUIRED_FIELDS:
            problems.append((field, "is empty but required"))
    return values, problems


def without_identity(field: str, problem: str, cell: object, value: object) -> str:
    """The problem, not quoting an identity cell (a name, citizen ID, birth date, certificate number) as written
    or as read: the import's report is kept, and must not keep what erasure destroys."""
    if field not in IDENTITY_FIELDS:
        return problem
    for written in (read_text(cell), value):
        if isinstance(written, str) and written:
            problem = problem.replace(repr(written), "the cell")
    return problem.replace(value.isoformat(), "the cell") if isinstance(value, date) else problem


def problem_of(error: ErrorDetails) -> tuple[str, str]:
    """A pydantic error as the field it concerns and a sentence; our own checks' messages are taken as they are."""
    field = str(error["loc"][0]) if error["loc"] else ""
    message = str(error.get("ctx", {}).get("error", "")) if error["type"] == "value_error" else error["msg"]
    return field, message


def in_column_order(problems: list[tuple[str, str]], header: Header) -> list[str]:
    """Each problem prefixed with its column, left to right as the columns are listed in columns.py."""
    order = list(READER_OF_FIELD)
    ranked = sorted(problems, key=lambda problem: order.index(problem[0]) if problem[0] in order else len(order))
    return [f"{header.label(field)}: {message}" if field in order else message for field, message in ranked]


def judge_row(row_number: int, cells: Mapping[str, object], header: Header) -> ImportResult:
    """An ImportRow when every cell is understood and every rule holds; otherwise a RejectedRow with every reason."""
    values, problems = read_cells(cells)
    release: ReleaseFields | None = None
    try:
        release = ReleaseFields.model_validate(values)
    except ValidationError as invalid:
        reported = {field for field, _ in problems}  # a cell not understood is also "missing" to the model
        from_model = [problem_of(error) for error in invalid.errors()]
        problems += [(field, message) for field, message in from_model if field not in reported]
    # An optional cell not understood leaves the model valid without it; the row is still refused.
    if problems or release is None:
        unquoted = [(field, without_identity(field, problem, cells.get(field), values.get(field)))
                    for field, problem in problems]
        return RejectedRow(row_number, in_column_order(unquoted, header))
    return ImportRow(row_number, release)
