"""How much of a file an import reads: rows, characters in a cell, and the size of an XLSX workbook's parts.

An officer's list of releases has thousands of rows of short cells; a file far beyond that is refused with the
reason, in words, before it costs the service its memory or minutes of work (a 22 KB workbook repeating one
20 MB cell, a million-row CSV, an unused 300 MB shared string).
"""

from collections.abc import Sequence
from zipfile import ZipFile

from hoanhap.spreadsheets.errors import ImportFileError

MAX_FILE_ROWS = 100_000  # title, header and blank rows included
MAX_CELL_CHARACTERS = 1_000
MAX_SHEET_PART_BYTES = 256 * 1024 * 1024  # a worksheet is read as a stream
MAX_OTHER_PART_BYTES = 64 * 1024 * 1024  # shared strings, styles: read whole
SHEETS = "xl/worksheets/"
SPLIT = "split the list into files of fewer rows and import each"


def too_many_rows(rows: int | None = None) -> ImportFileError:
    """The refusal of a file with more rows than an import reads."""
    counted = f"{rows:,} rows" if rows is not None else f"more than {MAX_FILE_ROWS:,} rows"
    return ImportFileError(f"the file has {counted}; an import reads at most {MAX_FILE_ROWS:,}; {SPLIT}")


def ensure_row_fits(row_number: int, row: Sequence[object]) -> None:
    """ImportFileError when the row is past the last one read or holds a cell longer than a cell may be."""
    if row_number > MAX_FILE_ROWS:
        raise too_many_rows()
    for column, cell in enumerate(row):
        if isinstance(cell, str) and len(cell) > MAX_CELL_CHARACTERS:
            raise ImportFileError(f"row {row_number}, column {column + 1} holds {len(cell):,} characters; a cell "
                                  f"holds at most {MAX_CELL_CHARACTERS:,}: shorten it and import the file again")


def ensure_parts_fit(workbook: ZipFile) -> None:
    """ImportFileError when a part of the workbook unpacks to more than it may (the sizes the archive declares are
    the most it yields: a part that is longer fails its checksum)."""
    for part in workbook.infolist():
        limit = MAX_SHEET_PART_BYTES if part.filename.startswith(SHEETS) else MAX_OTHER_PART_BYTES
        if part.file_size > limit:
            raise ImportFileError(f"the workbook's part {part.filename[:100]!r} unpacks to {part.file_size:,} "
                                  f"bytes; at most {limit:,} are read: save the list alone in a new workbook, or "
                                  "as CSV UTF-8, and import that")
