"""Officers' spreadsheets made in memory for the bulk import tests: a good row, headers in both languages, and the
same table written as CSV (in the encodings officers' tools use) or as an XLSX workbook."""

import csv
import io
import unicodedata
from collections.abc import Mapping, Sequence

from openpyxl import Workbook

from hoanhap_registry.spreadsheet_import.parsing import ImportResult, parse_import

VIETNAMESE_HEADERS = {
    "full_name": "Họ và tên", "citizen_id": "Số CCCD", "birth_date": "Ngày sinh", "sex": "Giới tính",
    "province_code": "Mã tỉnh", "commune_code": "Mã xã", "village": "Thôn/Tổ dân phố",
    "former_place_name": "Địa danh cũ", "facility": "Trại giam", "offence_articles": "Tội danh (Điều)",
    "sentence_months": "Thời hạn án", "release_type": "Hình thức ra trại", "release_date": "Ngày ra trại",
    "supervision_end": "Ngày hết thời gian thử thách", "certificate_number": "Số giấy chứng nhận",
}
ENGLISH_HEADERS = {field: field for field in VIETNAMESE_HEADERS}

GOOD_ROW: Mapping[str, object] = {
    "full_name": "Nguyễn Văn An", "citizen_id": "001090012345", "birth_date": "15/03/1990", "sex": "Nam",
    "province_code": "01", "commune_code": "00004", "village": "Tổ 5", "former_place_name": "xã Tây Tựu, huyện Từ Liêm",
    "facility": "Trại giam Thanh Xuân", "offence_articles": "Điều 173; Điều 51", "sentence_months": "1 năm 6 tháng",
    "release_type": "Chấp hành xong án phạt tù", "release_date": "15/01/2025", "supervision_end": "",
    "certificate_number": "123/GCN",
}
CONDITIONAL_RELEASE_ROW = {**GOOD_ROW, "release_type": "Tha tù trước thời hạn có điều kiện",
                           "supervision_end": "15/07/2025"}


def table(rows: Sequence[Mapping[str, object]], headers: Mapping[str, str] = VIETNAMESE_HEADERS) -> list[list[object]]:
    """A header row, then one row per mapping, in the headers' order; a None row stands for a blank row."""
    return [list(headers.values()), *([row.get(field) for field in headers] for row in rows)]


def csv_file(rows: Sequence[Sequence[object]], encoding: str = "utf-8", separator: str = ",") -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=separator).writerows(["" if cell is None else cell for cell in row] for row in rows)
    if encoding == "cp1258":
        return windows_1258(text.getvalue())
    return text.getvalue().encode(encoding)


def xlsx_file(rows: Sequence[Sequence[object]]) -> bytes:
    workbook = Workbook()
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            workbook.active.cell(row_number, column_number, value)
    saved = io.BytesIO()
    workbook.save(saved)
    return saved.getvalue()


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Text as Windows-1258 writes Vietnamese: letters with their vowel marks, then a separate combining tone mark."""
    encoded = bytearray()
    for char in text:
        marks = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in marks if mark in TONE_MARKS)
        letter = unicodedata.normalize("NFC", "".join(mark for mark in marks if mark not in TONE_MARKS))
        encoded += (letter + tones).encode("cp1258")
    return bytes(encoded)


def parsed(content: bytes, filename: str = "danh-sach.csv") -> list[ImportResult]:
    return list(parse_import(content, filename))


def only_reasons(content: bytes, filename: str = "danh-sach.csv") -> list[str]:
    """The reasons the file's single row is refused."""
    [result] = parsed(content, filename)
    assert not hasattr(result, "release"), f"row was accepted: {result}"
    return result.reasons  # type: ignore[union-attr]


def reasons_for(**changes: object) -> list[str]:
    """The reasons a good row changed this way is refused, read from a CSV with Vietnamese headers."""
    return only_reasons(csv_file(table([{**GOOD_ROW, **changes}])))
