"""Through HTTP and the real Kafka: an officer's existing list of local models (CSV) and of outreach activities
(XLSX), with Vietnamese headers and a bad row each: the good rows are recorded and reach the supervision topic,
the bad row is answered with its row, column and reason, and the same list sent again records nothing more;
files that are no list are a 422, never a 5xx."""

import uuid
from datetime import date

import pytest

from hoanhap.contracts import ModelLaunched, OutreachLogged
from tests.e2e.supervision.test_models_and_outreach_to_topic import topic_events
from tests.support.hostile_files import xlsx_with_huge_inline_cell
from tests.support.services import officer_headers
from tests.support.spreadsheets import csv_file, xlsx_file

HEADERS = officer_headers(communes=("00004",))
MODELS = "/v1/communes/00004/models/import"
OUTREACH = "/v1/communes/00004/outreach/import"


def test_a_csv_of_models_records_its_good_rows_once_each_within_the_callers_jurisdiction(supervision,
                                                                                        kafka_bootstrap_servers):
    title = f"Câu lạc bộ Đồng hành {uuid.uuid4().hex[:6]}"
    content = csv_file([["DANH SÁCH MÔ HÌNH"],
                        ["STT", "Tên mô hình", "Cấp", "Ngày ra mắt", "Xã/phường bao phủ", "Tổ chức chủ trì"],
                        [1, title, "Cấp xã", "10/01/2026", "", "Đoàn Thanh niên"],
                        [2, f"{title} (2)", "xa", "2026-01-12", "70", "Hội Phụ nữ"],
                        [3, f"{title} (3)", "Cấp xã", "31/02/2026", "", "Hội Nông dân"]])
    commune_only = supervision.post(MODELS, params={"filename": "mo-hinh.csv"}, content=content,
                                    headers=HEADERS).json()
    assert [row["outcome"] for row in commune_only["rows"]] == ["recorded", "rejected", "rejected"], commune_only
    assert "outside your jurisdiction" in commune_only["rows"][1]["reasons"][0]  # covers 00070: the use case's rule
    both = officer_headers(communes=("00004", "00070"))
    first = supervision.post(MODELS, params={"filename": "mo-hinh.csv"}, content=content, headers=both)
    assert first.status_code == 200, first.text
    answer = first.json()
    assert (answer["recorded"], answer["duplicate"], answer["rejected"]) == (1, 1, 1), answer
    [bad] = [row for row in answer["rows"] if row["outcome"] == "rejected"]
    assert bad["row"] == 5 and bad["reasons"][0].startswith("Ngày ra mắt (launched_on): '31/02/2026' is not a date")
    recorded = {row["model_id"] for row in answer["rows"] if row["outcome"] in ("recorded", "duplicate")}

    again = supervision.post(MODELS, params={"filename": "mo-hinh.csv"}, content=content, headers=both).json()
    assert (again["recorded"], again["duplicate"], again["rejected"]) == (0, 2, 1), again
    assert {row["model_id"] for row in again["rows"] if row["outcome"] == "duplicate"} == recorded
    listed = supervision.get("/v1/communes/00004/models", headers=HEADERS).json()["models"]
    assert sorted(model["commune_codes"] for model in listed if model["model_id"] in recorded) == [
        ["00004"], ["00004", "00070"]]
    events = topic_events(kafka_bootstrap_servers, ModelLaunched, lambda data: str(data.model_id) in recorded)
    assert {str(event.model_id) for event in events} == recorded and len(events) == 2


def test_an_xlsx_of_outreach_records_its_good_rows_once_and_refuses_a_session_without_attendance(
        supervision, kafka_bootstrap_servers):
    leaflets = 100 + uuid.uuid4().int % 800
    content = xlsx_file([["Hình thức", "Số lượng", "Số người tham dự", "Ngày thực hiện"],
                         ["Tờ rơi", leaflets, None, date(2026, 2, 3)],
                         ["Tuyên truyền lưu động", 1, 70, date(2026, 2, 4)],
                         ["Tư vấn việc làm", 1, None, date(2026, 2, 5)]])
    first = supervision.post(OUTREACH, params={"filename": "tuyen-truyen.xlsx"}, content=content, headers=HEADERS)
    assert first.status_code == 200, first.text
    answer = first.json()
    assert (answer["recorded"], answer["rejected"]) == (2, 1), answer
    assert answer["rows"][2] == {"row": 4, "outcome": "rejected", "reasons": [
        "Số người tham dự (attendance): how many attended is required for job_counselling"]}
    recorded = {row["outreach_id"] for row in answer["rows"] if row["outcome"] == "recorded"}

    again = supervision.post(OUTREACH, params={"filename": "tuyen-truyen.xlsx"}, content=content,
                             headers=HEADERS).json()
    assert (again["recorded"], again["duplicate"]) == (0, 2), again
    period = {"from": "2026-02-03", "to": "2026-02-04"}
    reports = supervision.get("/v1/communes/00004/outreach", params=period, headers=HEADERS).json()["reports"]
    assert [report["quantity"] for report in reports].count(leaflets) == 1
    events = topic_events(kafka_bootstrap_servers, OutreachLogged, lambda data: str(data.outreach_id) in recorded)
    assert {str(event.outreach_id) for event in events} == recorded and len(events) == 2


@pytest.mark.parametrize(("content", "filename"), [
    (b"", "mo-hinh.csv"), (b"\x00\x01garbage" * 100, "mo-hinh.csv"), (b"PK\x03\x04broken", "mo-hinh.xlsx"),
    (b"\xd0\xcf\x11\xe0" + bytes(64), "mo-hinh.xls"), (xlsx_with_huge_inline_cell(5_000), "mo-hinh.xlsx"),
    (csv_file([["Tên mô hình", "Cấp"], ["x", "xã"]]), "mo-hinh.csv"),
], ids=["empty", "binary", "broken zip", "old xls", "huge cell", "no complete header"])
def test_a_file_that_is_no_list_is_a_422_at_the_body_never_a_5xx(supervision, content, filename):
    for path in (MODELS, OUTREACH):
        answer = supervision.post(path, params={"filename": filename}, content=content, headers=HEADERS)
        assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["body"], answer.text


def test_a_list_longer_than_an_import_reads_is_refused_before_any_row_is_recorded(supervision):
    rows = [["Hình thức", "Số lượng", "Số người tham dự", "Ngày thực hiện"]]
    rows += [["Tờ rơi", 5_000 + number, "", "01/03/2026"] for number in range(1_000)]
    answer = supervision.post(OUTREACH, params={"filename": "dai.csv"}, content=csv_file(rows), headers=HEADERS)
    assert answer.status_code == 422 and "at most 1,000" in answer.json()["detail"][0]["msg"], answer.text
    period = {"from": "2026-03-01", "to": "2026-03-01"}
    reports = supervision.get("/v1/communes/00004/outreach", params=period, headers=HEADERS).json()["reports"]
    assert not [report for report in reports if report["quantity"] >= 5_000]


def test_a_commune_outside_the_callers_jurisdiction_is_refused_before_the_file_is_read(supervision):
    answer = supervision.post("/v1/communes/00070/models/import", params={"filename": "mo-hinh.csv"},
                              content=b"\x00", headers=HEADERS)
    assert answer.status_code == 403, answer.text
