"""Bulk import over HTTP: per-row answers, jurisdiction, progress, and no duplicates when the file comes again."""

import io
import time
import zipfile

from tests.support.services import new_citizen_id, officer_headers
from tests.support.spreadsheets import GOOD_ROW, csv_file, table, xlsx_file


def finished_import(registry, location: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report = registry.get(location, headers=officer_headers()).json()
        if report["status"] != "running":
            return report
        time.sleep(0.2)
    raise AssertionError(f"import still running after {timeout} s: {report}")


def officer_rows() -> list[dict]:
    return [
        {**GOOD_ROW, "citizen_id": new_citizen_id(), "full_name": "Phạm Thị Lan"},
        {**GOOD_ROW, "citizen_id": new_citizen_id(), "commune_code": "00008"},
        {**GOOD_ROW, "citizen_id": new_citizen_id(), "release_date": "31/02/2025"},
        {**GOOD_ROW, "citizen_id": new_citizen_id(), "province_code": "79", "commune_code": "26506"},
    ]


def test_import_answers_every_row_and_a_second_import_of_the_file_registers_nobody_again(registry):
    content = xlsx_file(table(officer_rows()))

    started = registry.post("/v1/imports", params={"filename": "danh-sach.xlsx"}, content=content,
                            headers=officer_headers())
    assert started.status_code == 202, started.text
    assert started.json()["total_rows"] == 4
    report = finished_import(registry, started.headers["Location"])

    assert report["status"] == "finished"
    assert (report["registered"], report["already_registered"], report["rejected"]) == (2, 0, 2)
    outcomes = {row["row_number"]: row for row in report["rows"]}
    assert outcomes[2]["outcome"] == outcomes[3]["outcome"] == "registered"
    assert any("Ngày ra trại (release_date)" in reason for reason in outcomes[4]["reasons"])
    assert outcomes[5]["reasons"] == ["commune 26506 is outside your jurisdiction"]
    person = registry.get(f"/v1/people/{outcomes[2]['person_id']}", headers=officer_headers()).json()
    assert person["identity"]["full_name"] == "Phạm Thị Lan"

    again = finished_import(registry, registry.post("/v1/imports", params={"filename": "danh-sach.xlsx"},
                                                    content=content, headers=officer_headers()).headers["Location"])
    assert (again["registered"], again["already_registered"], again["rejected"]) == (0, 2, 2)
    assert {row["person_id"] for row in again["rows"] if row["person_id"]} == {
        outcomes[2]["person_id"], outcomes[3]["person_id"]}


def damaged_from_row(content: bytes, row_number: int) -> bytes:
    """The workbook with its sheet's XML broken where the row begins, as a cut-off upload leaves it."""
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(f'<row r="{row_number}"'.encode(), f'<row r="{row_number}"<<'.encode())
            target.writestr(item, data)
    return damaged.getvalue()


def test_a_workbook_damaged_part_way_imports_the_rows_above_the_damage_and_says_where_reading_stopped(registry):
    rows = [{**GOOD_ROW, "citizen_id": new_citizen_id()} for _ in range(250)]
    whole = xlsx_file(table(rows))

    started = registry.post("/v1/imports", params={"filename": "danh-sach.xlsx"},
                            content=damaged_from_row(whole, 152), headers=officer_headers())
    assert started.status_code == 202, started.text
    report = finished_import(registry, started.headers["Location"])

    assert report["status"] == "failed"
    assert "reading stopped after row 151" in report["failure"]
    assert (report["registered"], report["rejected"]) == (150, 0), "rows 2 to 151, above the damage"
    fixed = finished_import(registry, registry.post("/v1/imports", params={"filename": "danh-sach.xlsx"},
                                                    content=whole, headers=officer_headers()).headers["Location"])
    assert (fixed["status"], fixed["registered"], fixed["already_registered"]) == ("finished", 100, 150)
    assert fixed["total_rows"] == 250


def test_unreadable_file_is_refused_at_once_with_the_reason(registry):
    answer = registry.post("/v1/imports", params={"filename": "notes.csv"}, content=csv_file([["Ghi chú"], ["x"]]),
                           headers=officer_headers())
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["msg"]


def test_another_officers_import_is_not_visible(registry):
    started = registry.post("/v1/imports", params={"filename": "a.csv"}, content=csv_file(table(officer_rows())),
                            headers=officer_headers(sub="officer-a"))
    assert registry.get(started.headers["Location"], headers=officer_headers(sub="officer-b")).status_code == 404
