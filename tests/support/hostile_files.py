"""Hostile uploads made in memory for the bounds tests: workbooks that unpack to far more than they weigh, and a
list with more rows than an import reads. The huge text is written to the archive in slices, so making it costs
the test little memory."""

import io
import zipfile

from tests.support.spreadsheets import GOOD_ROW, table, xlsx_file

SHARED_STRINGS = "xl/sharedStrings.xml"
SLICE = 1024 * 1024
PLACEHOLDER = "HUGE-CELL"
INLINE_PLACEHOLDER = f't="inlineStr"><is><t>{PLACEHOLDER}</t></is>'.encode()
FIRST_SHARED_STRING = b't="s"><v>0</v>'
# openpyxl writes every text inline; a workbook with shared strings names the part in two places.
SHARED_STRINGS_RELATION = (b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                           b'sharedStrings" Target="sharedStrings.xml" Id="rIdHuge" /></Relationships>')
SHARED_STRINGS_TYPE = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                       b'officedocument.spreadsheetml.sharedStrings+xml" /></Types>')


def xlsx_with_unused_shared_string(characters: int) -> bytes:
    """A valid one-row list whose shared strings hold one string of `characters` that no cell uses."""
    return with_one_shared_string(xlsx_file(table([GOOD_ROW])), characters)


def xlsx_repeating_one_cell(characters: int, rows: int) -> bytes:
    """A list of `rows` rows whose village cells all hold one shared string of `characters`."""
    return with_one_shared_string(xlsx_file(table([{**GOOD_ROW, "village": PLACEHOLDER}] * rows)), characters)


def with_one_shared_string(content: bytes, characters: int) -> bytes:
    """The workbook with a shared string of "x" * characters, in every cell that held PLACEHOLDER."""
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, \
            zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item).replace(INLINE_PLACEHOLDER, FIRST_SHARED_STRING)
            data = data.replace(b"</Relationships>", SHARED_STRINGS_RELATION).replace(b"</Types>",
                                                                                     SHARED_STRINGS_TYPE)
            target.writestr(item, data)
        with target.open(SHARED_STRINGS, "w", force_zip64=True) as part:
            part.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            for start in range(0, characters, SLICE):
                part.write(b"x" * min(SLICE, characters - start))
            part.write(b"</t></si></sst>")
    return rewritten.getvalue()


def csv_of_short_rows(rows: int) -> bytes:
    """A CSV list with the Vietnamese header and `rows` rows of one short cell each."""
    header = ",".join(str(cell) for cell in table([])[0]).encode()
    return header + b"\n" + b"x\n" * rows


def xlsx_with_huge_inline_cell(characters: int) -> bytes:
    """A one-row list whose village cell is written in the sheet itself: a text of `characters`."""
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx_file(table([{**GOOD_ROW, "village": PLACEHOLDER}])))) as source, \
            zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if PLACEHOLDER.encode() not in data:
                target.writestr(item, data)
                continue
            head, tail = data.split(PLACEHOLDER.encode(), 1)
            with target.open(item.filename, "w", force_zip64=True) as part:
                part.write(head)
                for start in range(0, characters, SLICE):
                    part.write(b"x" * min(SLICE, characters - start))
                part.write(tail)
    return rewritten.getvalue()
