"""Reading XLSX workbooks as officers keep them: real date cells, numbers that lost their leading zeros."""

from datetime import date, datetime

from hoanhap.contracts import ReleaseType
from hoanhap_registry.spreadsheet_import.parsing import ImportRow
from tests.support.spreadsheets import (
    CONDITIONAL_RELEASE_ROW,
    GOOD_ROW,
    parsed,
    table,
    xlsx_file,
)

WITH_DATE_CELLS = {**CONDITIONAL_RELEASE_ROW, "birth_date": datetime(1990, 3, 15), "release_date": date(2025, 1, 15),
                   "supervision_end": datetime(2025, 7, 15)}


def test_real_date_cells_are_read_as_dates():
    [row] = parsed(xlsx_file(table([WITH_DATE_CELLS])), "danh-sach.xlsx")
    assert isinstance(row, ImportRow)
    release = row.release
    assert (release.birth_date, release.release_date, release.supervision_end) == (
        date(1990, 3, 15), date(2025, 1, 15), date(2025, 7, 15))
    assert release.release_type is ReleaseType.CONDITIONAL_EARLY_RELEASE


def test_number_cells_get_back_the_leading_zeros_the_spreadsheet_dropped():
    numbers = {**GOOD_ROW, "citizen_id": 1090012345, "province_code": 1, "commune_code": 4, "offence_articles": 173,
               "sentence_months": 24}
    [row] = parsed(xlsx_file(table([numbers])), "danh-sach.xlsx")
    assert isinstance(row, ImportRow)
    release = row.release
    assert (release.citizen_id, release.province_code, release.commune_code) == ("001090012345", "01", "00004")
    assert (release.offence_articles, release.sentence_months) == ((173,), 24)


def test_text_cells_of_a_workbook_are_read_like_csv():
    [row] = parsed(xlsx_file(table([GOOD_ROW])), "danh-sach.xlsx")
    assert isinstance(row, ImportRow) and row.release.full_name == "Nguyễn Văn An"


def test_blank_workbook_rows_are_skipped_and_the_others_keep_their_sheet_numbers():
    second = {**GOOD_ROW, "full_name": "Trần Thị Bình", "sex": "Nữ"}
    rows = parsed(xlsx_file(table([GOOD_ROW, {}, {}, second])), "danh-sach.xlsx")
    assert [(row.row_number, row.release.full_name) for row in rows] == [(2, "Nguyễn Văn An"), (5, "Trần Thị Bình")]


def test_a_workbook_is_recognised_by_its_content_whatever_its_name():
    [row] = parsed(xlsx_file(table([GOOD_ROW])), "danh-sach.csv")
    assert isinstance(row, ImportRow)


def test_a_date_cell_holding_a_plain_number_is_refused():
    [row] = parsed(xlsx_file(table([{**GOOD_ROW, "release_date": 45672}])), "danh-sach.xlsx")
    assert row.reasons == ["Ngày ra trại (release_date): '45672' is not a date; format the cell as a date or "
                           "write dd/mm/yyyy"]
