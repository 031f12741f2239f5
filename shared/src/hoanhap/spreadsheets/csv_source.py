"""Rows of a CSV file as officers save them: UTF-8 (with or without BOM), UTF-16 with a BOM ("Unicode Text") or
Windows-1258, separated by commas, semicolons or tabs; rows past the last one read and cells longer than a cell may
be are refused (file_bounds.py)."""

import codecs
import csv
import io
from collections.abc import Iterator

from hoanhap.spreadsheets.errors import ImportFileError
from hoanhap.spreadsheets.file_bounds import ensure_row_fits

SEPARATORS = (",", ";", "\t")
SAVE_AS_UTF8 = "save it from the spreadsheet as 'CSV UTF-8' and try again"
# UTF-8 comes first: Windows-1258 leaves only nine byte values undefined, so it would accept almost anything.
EIGHT_BIT_ENCODINGS = ("utf-8-sig", "cp1258")


def decode(content: bytes) -> str:
    """The file's text, or an ImportFileError when it is no text in an encoding officers' tools write."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    elif b"\x00" in content:
        raise ImportFileError(f"the file is neither CSV text nor an XLSX workbook; {SAVE_AS_UTF8}")
    else:
        encodings = EIGHT_BIT_ENCODINGS
    for encoding in encodings:
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(f"the file's text is neither UTF-8 nor Windows-1258; {SAVE_AS_UTF8}")


def separator_of(text: str) -> str:
    """The separator used most on the first line that has any."""
    for line in text.splitlines():
        counts = {separator: line.count(separator) for separator in SEPARATORS}
        if any(counts.values()):
            return max(counts, key=counts.__getitem__)
    return ","


def csv_rows(content: bytes) -> Iterator[tuple[int, list[str]]]:
    """Each record with its row number as a spreadsheet shows it (a quoted cell may span lines; it is one row)."""
    text = decode(content)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator_of(text))
    try:
        for row_number, row in enumerate(reader, start=1):
            ensure_row_fits(row_number, row)
            yield row_number, row
    except csv.Error as error:
        raise ImportFileError(f"the CSV cannot be read near line {reader.line_num}: {error}") from None


def csv_row_count(content: bytes) -> int:
    """Records in the file, blank ones included."""
    return sum(1 for _ in csv_rows(content))
