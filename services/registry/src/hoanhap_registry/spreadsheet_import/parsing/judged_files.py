"""Reading an officer's list of releases, CSV or XLSX, into judged rows, one at a time."""

from collections.abc import Iterator

from hoanhap.spreadsheets import judged_rows
from hoanhap.spreadsheets.file_kinds import row_count
from hoanhap_registry.spreadsheet_import.parsing.columns import COLUMNS
from hoanhap_registry.spreadsheet_import.parsing.results import ImportResult
from hoanhap_registry.spreadsheet_import.parsing.row_judging import judge_row


def parse_import(content: bytes, filename: str) -> Iterator[ImportResult]:
    """Each non-blank row below the header, judged, in file order, numbered as the spreadsheet numbers it.

    Raises ImportFileError at once when the file cannot be read or its header lacks a required column, and while
    iterating if an XLSX sheet turns out damaged part way.
    """
    return judged_rows(content, filename, COLUMNS, judge_row)


def count_rows(content: bytes, filename: str) -> int:
    """How many rows there are below the first one, for a progress bar: an upper bound of the rows parse_import
    yields (blank rows and title rows are counted; an XLSX sheet is taken at its declared size)."""
    return max(row_count(content, filename) - 1, 0)
