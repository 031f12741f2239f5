"""Reading CSV lists as officers save them: Vietnamese or English headers, any encoding their tools write."""

from datetime import date

import pytest

from hoanhap.contracts import ReleaseType, Sex
from hoanhap_registry.spreadsheet_import.parsing import ImportRow, ReleaseFields
from tests.support.spreadsheets import (
    CONDITIONAL_RELEASE_ROW,
    ENGLISH_HEADERS,
    GOOD_ROW,
    VIETNAMESE_HEADERS,
    csv_file,
    parsed,
    table,
)

GOOD_RELEASE = ReleaseFields(
    full_name="Nguyễn Văn An", citizen_id="001090012345", birth_date=date(1990, 3, 15), sex=Sex.MALE,
    province_code="01", commune_code="00004", village="Tổ 5", former_place_name="xã Tây Tựu, huyện Từ Liêm",
    facility="Trại giam Thanh Xuân", offence_articles=(173, 51), sentence_months=18,
    release_type=ReleaseType.COMPLETED_SENTENCE, release_date=date(2025, 1, 15), supervision_end=None,
    certificate_number="123/GCN")


def test_a_csv_with_vietnamese_headers_gives_the_release_with_its_accents():
    assert parsed(csv_file(table([GOOD_ROW]))) == [ImportRow(2, GOOD_RELEASE)]


def test_a_csv_with_english_headers_gives_the_same_release():
    assert parsed(csv_file(table([GOOD_ROW], ENGLISH_HEADERS))) == [ImportRow(2, GOOD_RELEASE)]


def test_a_utf8_byte_order_mark_does_not_hide_the_first_header():
    assert parsed(csv_file(table([GOOD_ROW]), encoding="utf-8-sig")) == [ImportRow(2, GOOD_RELEASE)]


def test_a_windows_1258_file_is_read_and_its_names_composed_like_utf8():
    assert parsed(csv_file(table([GOOD_ROW]), encoding="cp1258")) == [ImportRow(2, GOOD_RELEASE)]


def test_a_utf16_unicode_text_file_separated_by_tabs_is_read():
    assert parsed(csv_file(table([GOOD_ROW]), encoding="utf-16", separator="\t")) == [ImportRow(2, GOOD_RELEASE)]


def test_a_csv_separated_by_semicolons_is_read():
    assert parsed(csv_file(table([GOOD_ROW]), separator=";")) == [ImportRow(2, GOOD_RELEASE)]


def test_headers_match_whatever_their_case_accents_spacing_and_marks():
    headers = {**VIETNAMESE_HEADERS, "full_name": "HỌ VÀ TÊN (*)", "citizen_id": "  so   cccd ",
               "release_date": "Ngay ra trai", "offence_articles": "Tội danh\n(Điều)"}
    assert parsed(csv_file(table([GOOD_ROW], headers))) == [ImportRow(2, GOOD_RELEASE)]


@pytest.mark.parametrize(("field", "header"), [
    ("citizen_id", "Số định danh cá nhân"), ("citizen_id", "CCCD"), ("commune_code", "Mã phường xã"),
    ("village", "Thôn"), ("facility", "Cơ sở giam giữ"), ("offence_articles", "Điều luật"),
    ("release_type", "Loại"), ("release_date", "Ngày chấp hành xong"),
])
def test_other_headers_officers_write_are_recognised(field: str, header: str):
    assert parsed(csv_file(table([GOOD_ROW], {**VIETNAMESE_HEADERS, field: header}))) == [ImportRow(2, GOOD_RELEASE)]


def test_supervision_end_is_read_under_its_other_header():
    headers = {**VIETNAMESE_HEADERS, "supervision_end": "Ngày kết thúc giám sát"}
    [row] = parsed(csv_file(table([CONDITIONAL_RELEASE_ROW], headers)))
    assert isinstance(row, ImportRow) and row.release.supervision_end == date(2025, 7, 15)


def test_unknown_columns_are_ignored():
    rows = table([GOOD_ROW])
    rows = [["STT", *rows[0], "Ghi chú"], [1, *rows[1], "đã gặp gia đình"]]
    assert parsed(csv_file(rows)) == [ImportRow(2, GOOD_RELEASE)]


def test_optional_columns_may_be_left_out():
    required = {field: header for field, header in VIETNAMESE_HEADERS.items()
                if field not in ("village", "former_place_name", "supervision_end", "certificate_number")}
    [row] = parsed(csv_file(table([GOOD_ROW], required)))
    assert isinstance(row, ImportRow) and row.release.village is None and row.release.certificate_number is None


def test_blank_rows_are_skipped_and_the_others_keep_their_spreadsheet_numbers():
    second = {**GOOD_ROW, "full_name": "Trần Thị Bình", "sex": "Nữ"}
    rows = parsed(csv_file(table([GOOD_ROW, {}, {"full_name": "  "}, second])))
    assert [(row.row_number, row.release.full_name) for row in rows] == [(2, "Nguyễn Văn An"), (5, "Trần Thị Bình")]


def test_a_row_with_only_its_serial_number_is_blank():
    rows = table([GOOD_ROW, {}])
    rows = [["STT", *rows[0]], [1, *rows[1]], [2, *rows[2]]]
    assert [row.row_number for row in parsed(csv_file(rows))] == [2]


def test_a_title_above_the_header_is_passed_over_and_rows_keep_their_numbers():
    rows: list[list[object]] = [["DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ VỀ ĐỊA PHƯƠNG"], [], *table([GOOD_ROW])]
    assert parsed(csv_file(rows)) == [ImportRow(4, GOOD_RELEASE)]


def test_a_quoted_cell_spanning_two_lines_is_one_row():
    first = {**GOOD_ROW, "village": "Tổ 5\nphường Ba Đình"}
    rows = parsed(csv_file(table([first, GOOD_ROW])))
    assert [(row.row_number, row.release.village) for row in rows] == [(2, "Tổ 5 phường Ba Đình"), (3, "Tổ 5")]
