"""Rows of an XLSX workbook's first sheet, read as a stream so that large lists need little memory; parts that
unpack to more than they may, rows past the last one read and cells longer than a cell may be are refused
(file_bounds.py)."""

from collections.abc import Iterator
from io import BytesIO
from zipfile import ZipFile

from openpyxl import load_workbook

from hoanhap.spreadsheets.errors import ImportFileError
from hoanhap.spreadsheets.file_bounds import (
    MAX_FILE_ROWS,
    ensure_parts_fit,
    ensure_row_fits,
    too_many_rows,
)

NOT_A_WORKBOOK = "the file is not a readable XLSX workbook; open it in the spreadsheet, save it as .xlsx and try again"


def first_sheet(content: bytes):
    """The first worksheet, opened read-only, with the last computed result of each formula instead of the formula."""
    try:
        with ZipFile(BytesIO(content)) as archive:
            ensure_parts_fit(archive)
        workbook = load_workbook(BytesIO(content), read_only=True, data_only=True)
    except (ImportFileError, MemoryError):
        raise
    except Exception as error:  # openpyxl fails on a damaged upload in many ways (zip, XML, missing parts)
        raise ImportFileError(f"{NOT_A_WORKBOOK} ({type(error).__name__}: {error})") from None
    if not workbook.worksheets:
        raise ImportFileError("the workbook has no worksheet")
    return workbook.worksheets[0]


def xlsx_rows(content: bytes) -> Iterator[tuple[int, tuple[object, ...]]]:
    """Each row with its spreadsheet number; dates arrive as datetimes, numbers as int or float."""
    sheet = first_sheet(content)
    # Some programs write a wrong sheet size (e.g. "A1"); forgetting it makes openpyxl read every row there is.
    sheet.reset_dimensions()
    row_number = 0
    try:
        for row_number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            ensure_row_fits(row_number, row)
            yield row_number, row
    except (ImportFileError, MemoryError):
        raise
    except Exception as error:  # damaged XML part way through the sheet
        raise ImportFileError(f"{NOT_A_WORKBOOK}; reading stopped after row {row_number} "
                              f"({type(error).__name__}: {error})") from None
    finally:
        sheet.parent.close()


def xlsx_row_count(content: bytes) -> int:
    """Rows as the sheet declares its size (Excel always does), else counted by reading them; a declared size past
    the last row an import reads is refused at once."""
    sheet = first_sheet(content)
    try:
        declared = sheet.max_row
    finally:
        sheet.parent.close()
    if declared and declared > MAX_FILE_ROWS:
        raise too_many_rows(declared)
    return declared if declared else sum(1 for _ in xlsx_rows(content))
