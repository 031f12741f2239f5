"""A list of local models or outreach activities, read with Vietnamese headers (with or without diacritics) into
the bodies the one-by-one endpoints take, run or held in the path's commune; each cell that cannot be read is
refused naming its row, column and reason; every outreach kind has its Vietnamese label."""

from datetime import date
from functools import partial

import pytest

from hoanhap.contracts import ModelLevel, OutreachActivity
from hoanhap.spreadsheets import AcceptedRow, ImportFileError, RejectedRow, judged_rows
from hoanhap_supervision.api.community_sheets import (
    MODEL_COLUMNS,
    OUTREACH_COLUMNS,
    OUTREACH_LABELS,
    model_launch,
    outreach_report,
)
from tests.support.spreadsheets import csv_file, xlsx_file

MODEL_HEADER = ["STT", "Tên mô hình", "Cấp", "Ngày ra mắt", "Xã/phường bao phủ", "Tổ chức chủ trì"]
MODEL_ROW = [1, "Câu lạc bộ Đồng hành", "Cấp xã", "10/01/2026", "70", "Đoàn Thanh niên"]
OUTREACH_HEADER = ["Hình thức", "Số lượng", "Số người tham dự", "Ngày thực hiện"]
OUTREACH_ROW = ["Tuyên truyền lưu động", "1", "70", "03/02/2026"]
PLACE = {"province_code": "01", "commune_code": "00004"}


def models(*rows: list[object], header: list[object] = MODEL_HEADER, xlsx: bool = False) -> list[object]:
    content = xlsx_file([header, *rows]) if xlsx else csv_file([header, *rows])
    return list(judged_rows(content, "mo-hinh.xlsx" if xlsx else "mo-hinh.csv", MODEL_COLUMNS,
                            partial(model_launch, **PLACE)))


def outreach(*rows: list[object]) -> list[object]:
    return list(judged_rows(csv_file([OUTREACH_HEADER, *rows]), "tuyen-truyen.csv", OUTREACH_COLUMNS,
                            partial(outreach_report, **PLACE)))


def reasons(result: object) -> list[str]:
    assert isinstance(result, RejectedRow), result
    return result.reasons


def test_a_model_row_becomes_the_launch_body_run_by_the_path_commune_covering_the_listed_ones():
    [row] = models(MODEL_ROW)
    assert isinstance(row, AcceptedRow) and row.row_number == 2
    body = row.body
    assert (body.title, body.level, body.launched_on, body.commune_codes, body.lead_organisation,
            body.province_code) == ("Câu lạc bộ Đồng hành", ModelLevel.COMMUNE, date(2026, 1, 10),
                                    ["00004", "00070"], "Đoàn Thanh niên", "01")


def test_headers_without_diacritics_in_capitals_and_an_xlsx_with_real_date_cells_read_the_same():
    header = ["TEN MO HINH", "cap", "Ngay ra mat", "Xa/phuong bao phu", "to chuc chu tri"]
    [row] = models([MODEL_ROW[1], "xa", date(2026, 1, 10), "00004; 00070", "Đoàn Thanh niên"], header=header,
                   xlsx=True)
    assert isinstance(row, AcceptedRow) and row.body.commune_codes == ["00004", "00070"]


def test_a_model_covering_no_other_commune_is_run_and_covered_by_the_path_commune_alone():
    [row] = models([*MODEL_ROW[:4], "", MODEL_ROW[5]])
    assert isinstance(row, AcceptedRow) and row.body.commune_codes == ["00004"]


@pytest.mark.parametrize(("column", "cell", "reason"), [
    (2, "cấp tỉnh", "Cấp (level): 'cấp tỉnh' is not a level; write one of: cấp xã, cấp huyện"),
    (3, "32/01/2026", "Ngày ra mắt (launched_on): '32/01/2026' is not a date"),
    (3, "tháng giêng", "Ngày ra mắt (launched_on): 'tháng giêng' is not a date; write dd/mm/yyyy"),
    (1, "", "Tên mô hình (title): is empty but required"),
    (5, "", "Tổ chức chủ trì (lead_organisation): is empty but required"),
    (4, "0000A", "Xã/phường bao phủ (commune_codes): "),
])
def test_each_model_cell_that_cannot_be_read_is_refused_naming_its_row_and_column(column, cell, reason):
    bad = list(MODEL_ROW)
    bad[column] = cell
    good, refused = models(MODEL_ROW, bad)
    assert isinstance(good, AcceptedRow) and isinstance(refused, RejectedRow) and refused.row_number == 3
    assert any(found.startswith(reason) for found in reasons(refused)), reasons(refused)


def test_an_outreach_row_becomes_the_report_body_held_in_the_path_commune():
    [row] = outreach(OUTREACH_ROW)
    assert isinstance(row, AcceptedRow)
    assert (row.body.activity, row.body.quantity, row.body.attendance, row.body.held_on, row.body.commune_code) == (
        OutreachActivity.MOBILE_SESSION, 1, 70, date(2026, 2, 3), "00004")


@pytest.mark.parametrize(("column", "cell", "reason"), [
    (0, "hội thảo", "Hình thức (activity): 'hội thảo' is not an outreach activity; write one of: phát thanh"),
    (1, "nhiều", "Số lượng (quantity): 'nhiều' is not a whole number"),
    (1, "2,5", "Số lượng (quantity): '2,5' is not a whole number"),
    (1, "0", "Số lượng (quantity): Input should be greater than or equal to 1"),
    (2, "-3", "Số người tham dự (attendance): '-3' is not a whole number"),
    (3, "", "Ngày thực hiện (held_on): is empty but required"),
])
def test_each_outreach_cell_that_cannot_be_read_is_refused_naming_its_column(column, cell, reason):
    bad = list(OUTREACH_ROW)
    bad[column] = cell
    [refused] = outreach(bad)
    assert any(found.startswith(reason) for found in reasons(refused)), reasons(refused)


def test_counts_written_with_thousands_grouped_are_read_whole():
    [row] = outreach(["Tờ rơi", "1.000", "", "03/02/2026"])
    assert isinstance(row, AcceptedRow) and (row.body.activity, row.body.quantity) == (OutreachActivity.LEAFLET, 1000)


def test_every_outreach_kind_has_a_vietnamese_label_so_a_new_kind_is_one_line_in_the_table():
    assert set(OUTREACH_LABELS) == set(OutreachActivity)


def test_a_list_lacking_a_required_column_is_refused_naming_it():
    with pytest.raises(ImportFileError, match=r"lacks required column\(s\): Ngày ra mắt \(launched_on\)"):
        models(MODEL_ROW[:3] + MODEL_ROW[4:], header=MODEL_HEADER[:3] + MODEL_HEADER[4:])
