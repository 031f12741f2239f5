"""An XLSX whose sheet declares XML entities (the "billion laughs" bomb) is refused as unreadable, quickly,
instead of being expanded in the service's memory."""

import io
import zipfile

import pytest

from hoanhap.spreadsheets.errors import ImportFileError
from hoanhap.spreadsheets.xlsx_source import xlsx_rows
from tests.support.spreadsheets import GOOD_ROW, table, xlsx_file

BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10))
        + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
          '<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')


def with_sheet(workbook: bytes, sheet_xml: str) -> bytes:
    """The workbook with its first sheet's XML replaced."""
    source, target = zipfile.ZipFile(io.BytesIO(workbook)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as rewritten:
        for item in source.infolist():
            data = sheet_xml.encode() if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            rewritten.writestr(item, data)
    return target.getvalue()


def test_an_xlsx_declaring_xml_entities_is_refused_as_unreadable() -> None:
    bomb = with_sheet(xlsx_file(table([GOOD_ROW])), BOMB)
    with pytest.raises(ImportFileError, match="not a readable XLSX"):
        list(xlsx_rows(bomb))
