"""A borrower list (Form 01) as a table with Vietnamese headers, for CSV and XLSX: one row per person, the place
and the days as the commune's officers write them (dd/mm/yyyy). A cell that could run as a formula (a name starting
with =) is written as text (hoanhap.spreadsheets.safe_cells)."""

import csv
import io
from datetime import date
from typing import Any

from openpyxl import Workbook

from hoanhap.contracts import ReleaseType
from hoanhap.places import official_places
from hoanhap.spreadsheets.safe_cells import csv_cells, xlsx_cells

HEADERS = ("STT", "Họ và tên", "Năm sinh", "Nơi cư trú", "Diện", "Ngày chấp hành xong án / đặc xá")
KINDS = {
    ReleaseType.COMPLETED_SENTENCE.value: "Chấp hành xong án phạt tù",
    ReleaseType.SPECIAL_AMNESTY.value: "Đặc xá",
    ReleaseType.CONDITIONAL_EARLY_RELEASE.value: "Tha tù trước thời hạn có điều kiện (hết thời gian thử thách)",
}
ERASED = "(đã xoá thông tin nhân thân)"


def day(iso: str) -> str:
    """dd/mm/yyyy."""
    return date.fromisoformat(iso).strftime("%d/%m/%Y")


def place_name(village: str | None, commune_code: str, province_code: str) -> str:
    """The village, the commune's and the province's official names."""
    places = official_places()
    commune = places.commune(commune_code)
    parts = [village, commune.name if commune else commune_code, places.province_name(province_code)]
    return ", ".join(part for part in parts if part)


def table_rows(listing: dict[str, Any]) -> list[list[Any]]:
    """The list's rows as cells, in HEADERS' order."""
    return [[row["row_number"], row["full_name"] or ERASED, row["birth_year"],
             place_name(row["village"], listing["commune_code"], listing["province_code"]),
             KINDS.get(row["release_type"], row["release_type"]), day(row["completed_on"])]
            for row in listing["rows"]]


def as_csv(listing: dict[str, Any]) -> bytes:
    """UTF-8 with a byte-order mark, so a spreadsheet program reads the diacritics."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADERS)
    writer.writerows(csv_cells(cells) for cells in table_rows(listing))
    return text.getvalue().encode("utf-8-sig")


def as_xlsx(listing: dict[str, Any]) -> bytes:
    """One sheet, "Mẫu 01", headers first."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Mẫu 01")
    sheet.append(list(HEADERS))
    for cells in table_rows(listing):
        sheet.append(xlsx_cells(sheet, cells))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
