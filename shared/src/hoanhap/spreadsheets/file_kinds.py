"""Telling an XLSX workbook from CSV text by the bytes, with the file name as a hint, and reading its rows."""

from collections.abc import Iterator, Sequence

from hoanhap.spreadsheets.csv_source import csv_row_count, csv_rows
from hoanhap.spreadsheets.errors import ImportFileError
from hoanhap.spreadsheets.xlsx_source import xlsx_row_count, xlsx_rows

ZIP_SIGNATURE = b"PK\x03\x04"  # an XLSX workbook is a zip archive
OLD_EXCEL_SIGNATURE = b"\xd0\xcf\x11\xe0"  # .xls (Excel 97-2003) and other OLE2 documents
OTHER_FORMATS = (".xls", ".ods", ".doc", ".docx", ".pdf")


def is_workbook(content: bytes, filename: str) -> bool:
    """True for an XLSX workbook; an ImportFileError for a kind of file the import cannot read."""
    name = filename.casefold()
    if content.startswith(OLD_EXCEL_SIGNATURE) or name.endswith(OTHER_FORMATS):
        raise ImportFileError(f"{filename!r} is not CSV or XLSX; open it in the spreadsheet and save it as "
                              "Excel Workbook (.xlsx) or CSV UTF-8 (.csv)")
    if content.startswith(ZIP_SIGNATURE):
        return True
    if name.endswith((".xlsx", ".xlsm")):
        raise ImportFileError(f"{filename!r} is named as an XLSX workbook but is not one; save it again as .xlsx")
    return False


def numbered_rows(content: bytes, filename: str) -> Iterator[tuple[int, Sequence[object]]]:
    """Every row of the file with its spreadsheet row number (the first row is 1)."""
    if not content.strip():
        raise ImportFileError(f"{filename!r} is empty")
    return xlsx_rows(content) if is_workbook(content, filename) else csv_rows(content)


def row_count(content: bytes, filename: str) -> int:
    """Rows in the file, header and blank rows included; for XLSX, as the sheet declares its size."""
    if not content.strip():
        return 0
    return xlsx_row_count(content) if is_workbook(content, filename) else csv_row_count(content)
