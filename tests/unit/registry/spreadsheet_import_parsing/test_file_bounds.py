"""A file far beyond an officer's list is refused with the reason, in words, before it costs the service its memory:
more rows than an import reads, a cell longer than a cell may be, a workbook part that unpacks to more than it
may (a 300 MB shared string no cell uses)."""

import pytest

from hoanhap.spreadsheets.file_bounds import (
    MAX_CELL_CHARACTERS,
    MAX_FILE_ROWS,
    MAX_OTHER_PART_BYTES,
)
from hoanhap_registry.spreadsheet_import.parsing import ImportFileError, count_rows, parse_import
from tests.support.hostile_files import csv_of_short_rows, xlsx_repeating_one_cell, xlsx_with_unused_shared_string
from tests.support.spreadsheets import GOOD_ROW, csv_file, table


def test_a_csv_with_more_rows_than_an_import_reads_is_refused_when_its_rows_are_counted():
    with pytest.raises(ImportFileError, match=f"more than {MAX_FILE_ROWS:,} rows.*split the list"):
        count_rows(csv_of_short_rows(MAX_FILE_ROWS), "danh-sach.csv")
    assert count_rows(csv_of_short_rows(MAX_FILE_ROWS - 1), "danh-sach.csv") == MAX_FILE_ROWS - 1


def test_a_cell_longer_than_a_cell_may_be_stops_reading_and_names_its_row_and_column():
    content = csv_file(table([GOOD_ROW, {**GOOD_ROW, "village": "x" * (MAX_CELL_CHARACTERS + 1)}]))
    with pytest.raises(ImportFileError, match=f"row 3, column 7 holds {MAX_CELL_CHARACTERS + 1:,} characters"):
        list(parse_import(content, "danh-sach.csv"))


def test_a_huge_cell_shared_by_every_row_of_a_small_workbook_is_refused_at_its_first_row():
    content = xlsx_repeating_one_cell(5 * 1024 * 1024, rows=1_000)
    assert len(content) < 100_000
    with pytest.raises(ImportFileError, match="row 2, column 7 holds 5,242,880 characters"):
        list(parse_import(content, "danh-sach.xlsx"))


def test_a_workbook_part_that_unpacks_to_more_than_it_may_is_refused_before_it_is_read():
    content = xlsx_with_unused_shared_string(MAX_OTHER_PART_BYTES + 1)
    with pytest.raises(ImportFileError, match="part 'xl/sharedStrings.xml' unpacks to"):
        count_rows(content, "danh-sach.xlsx")
