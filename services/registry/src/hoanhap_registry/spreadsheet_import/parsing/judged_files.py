"""Reading an officer's list of releases, CSV or XLSX, into judged rows, one at a time."""

from collections.abc import Iterator, Sequence

from hoanhap_registry.spreadsheet_import.parsing.file_kinds import numbered_rows, row_count
from hoanhap_registry.spreadsheet_import.parsing.header import Header, find_header
from hoanhap_registry.spreadsheet_import.parsing.results import ImportResult
from hoanhap_registry.spreadsheet_import.parsing.row_judging import is_blank, judge_row


def parse_import(content: bytes, filename: str) -> Iterator[ImportResult]:
    """Each non-blank row below the header, judged, in file order, numbered as the spreadsheet numbers it.

    Raises ImportFileError at once when the file cannot be read or its header lacks a required column, and while
    iterating if an XLSX sheet turns out damaged part way.
    """
    rows = numbered_rows(content, filename)
    header = find_header(rows)
    return judged_rows(rows, header)


def judged_rows(rows: Iterator[tuple[int, Sequence[object]]], header: Header) -> Iterator[ImportResult]:
    for row_number, row in rows:
        cells = header.cells_by_field(row)
        if not is_blank(cells):
            yield judge_row(row_number, cells, header)


def count_rows(content: bytes, filename: str) -> int:
    """How many rows there are below the first one, for a progress bar: an upper bound of the rows parse_import
    yields (blank rows and title rows are counted; an XLSX sheet is taken at its declared size)."""
    return max(row_count(content, filename) - 1, 0)
