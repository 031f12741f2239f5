"""Counting the rows of a file cheaply, for a progress bar."""

import io

from openpyxl import Workbook

from hoanhap_registry.spreadsheet_import.parsing import count_rows
from tests.support.spreadsheets import GOOD_ROW, csv_file, table, xlsx_file


def test_the_rows_below_the_header_of_a_csv_are_counted():
    assert count_rows(csv_file(table([GOOD_ROW] * 3)), "danh-sach.csv") == 3


def test_the_rows_below_the_header_of_a_workbook_are_counted():
    assert count_rows(xlsx_file(table([GOOD_ROW] * 3)), "danh-sach.xlsx") == 3


def test_an_empty_file_has_no_rows():
    assert count_rows(b"", "danh-sach.csv") == 0


def test_a_workbook_that_does_not_declare_its_size_is_counted_by_reading_it():
    workbook = Workbook(write_only=True)  # writes no <dimension>, as some programs do
    sheet = workbook.create_sheet()
    for row in table([GOOD_ROW] * 4):
        sheet.append(row)
    saved = io.BytesIO()
    workbook.save(saved)
    assert count_rows(saved.getvalue(), "danh-sach.xlsx") == 4
