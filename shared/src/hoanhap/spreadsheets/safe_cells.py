"""Cells of every spreadsheet a service exports (CSV or XLSX), written as text when they could be read as a
formula: a name or a village starting with = + - @ (or a tab or carriage return) would otherwise run in the
officer's spreadsheet program (formula injection), e.g. =HYPERLINK(...) sending the sheet's data elsewhere."""

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def could_be_a_formula(value: object) -> bool:
    """True for text a spreadsheet program may take for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cells(values: Iterable[Any]) -> list[Any]:
    """A CSV row's cells, each that could be a formula prefixed with a single quote (shown as text, not run)."""
    return [f"'{value}" if could_be_a_formula(value) else value for value in values]


def xlsx_cells(sheet: WriteOnlyWorksheet, values: Iterable[Any]) -> list[Any]:
    """An XLSX row's cells (for a write-only sheet), each that could be a formula an explicit text cell: the same
    visible text, never evaluated."""
    return [text_cell(sheet, value) if could_be_a_formula(value) else value for value in values]


def text_cell(sheet: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    """A cell holding the text as a string, whatever it starts with."""
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    return cell
