"""Files that cannot be imported at all: one error for the whole file, saying what to do."""

import pytest

from hoanhap_registry.spreadsheet_import.parsing import ImportFileError, parse_import
from tests.support.spreadsheets import GOOD_ROW, VIETNAMESE_HEADERS, csv_file, table, xlsx_file


def file_error(content: bytes, filename: str = "danh-sach.csv") -> str:
    with pytest.raises(ImportFileError) as raised:
        parse_import(content, filename)
    return raised.value.reason


def test_a_missing_required_column_is_one_error_naming_it_in_both_languages():
    headers = {field: header for field, header in VIETNAMESE_HEADERS.items() if field != "release_date"}
    assert file_error(csv_file(table([GOOD_ROW], headers))) == (
        "the header (row 1) lacks required column(s): Ngày ra trại (release_date)")


def test_a_missing_column_of_a_workbook_is_reported_the_same_way():
    headers = {field: header for field, header in VIETNAMESE_HEADERS.items() if field != "citizen_id"}
    assert file_error(xlsx_file(table([GOOD_ROW], headers)), "danh-sach.xlsx") == (
        "the header (row 1) lacks required column(s): Số CCCD (citizen_id)")


def test_the_error_is_raised_before_any_row_is_asked_for():
    with pytest.raises(ImportFileError):
        parse_import(b"Ho va ten\nNguyen Van An\n", "danh-sach.csv")


def test_a_column_given_twice_is_refused_since_either_could_be_meant():
    rows = table([GOOD_ROW])
    rows = [[*rows[0], "CCCD"], [*rows[1], "001090099999"]]
    assert file_error(csv_file(rows)) == (
        "columns 'Số CCCD' and 'CCCD' (row 1) both mean Số CCCD (citizen_id); keep one of them")


def test_a_file_without_any_known_header_is_refused():
    assert file_error("Tên,Tuổi\nAn,30\n".encode()).startswith("no header row found in the first 10 rows")


def test_an_old_xls_workbook_is_refused_with_what_to_do():
    reason = file_error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "danh-sach.xls")
    assert reason == ("'danh-sach.xls' is not CSV or XLSX; open it in the spreadsheet and save it as Excel Workbook "
                      "(.xlsx) or CSV UTF-8 (.csv)")


def test_a_binary_file_that_is_no_text_is_refused():
    assert file_error(b"%PDF-1.4\x00\x01\x02", "danh-sach").startswith("the file is neither CSV text nor an XLSX")


def test_a_damaged_workbook_is_refused():
    assert file_error(b"PK\x03\x04 not really a zip", "danh-sach.xlsx").startswith(
        "the file is not a readable XLSX workbook")


def test_a_file_named_xlsx_that_is_text_is_refused():
    assert file_error(csv_file(table([GOOD_ROW])), "danh-sach.xlsx") == (
        "'danh-sach.xlsx' is named as an XLSX workbook but is not one; save it again as .xlsx")


def test_text_in_neither_utf8_nor_windows_1258_is_refused():
    # 0x81 and 0x8d are undefined in Windows-1258, and not UTF-8 either
    assert file_error(b"H\x81 v\x8d t\xean\n").startswith("the file's text is neither UTF-8 nor Windows-1258")


def test_an_empty_file_is_refused():
    assert file_error(b"  \n") == "'danh-sach.csv' is empty"
