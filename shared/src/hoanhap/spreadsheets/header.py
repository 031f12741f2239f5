"""Finding the header row and which column holds which field, for one import's Columns.

Officers' lists often start with a title ("DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ ...") above the header, so the
header is the first of the top rows that names every required column.
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from hoanhap.spreadsheets.columns import Columns
from hoanhap.spreadsheets.errors import ImportFileError

ROWS_SEARCHED_FOR_HEADER = 10


@dataclass(frozen=True)
class Header:
    columns: Columns
    row_number: int
    position_of_field: Mapping[str, int]
    written_header: Mapping[str, str]

    def missing_fields(self) -> list[str]:
        return [field for field in self.columns.required_fields if field not in self.position_of_field]

    def label(self, field: str) -> str:
        """The column as the file heads it, then its English name: "Ngày chấp hành xong (release_date)"."""
        written = self.written_header.get(field)
        return f"{written} ({field})" if written else self.columns.column_of_field[field].label()

    def cells_by_field(self, row: Sequence[object]) -> dict[str, object]:
        return {field: row[index] if index < len(row) else None for field, index in self.position_of_field.items()}


def read_header(columns: Columns, row_number: int, row: Sequence[object]) -> Header:
    """The fields the row names as headers; a field named twice is an error, since either column could be meant."""
    positions: dict[str, int] = {}
    written: dict[str, str] = {}
    for index, cell in enumerate(row):
        field = columns.field_named_by(cell)
        if field is None:
            continue
        if field in positions:
            raise ImportFileError(f"columns {written[field]!r} and {str(cell).strip()!r} (row {row_number}) both mean "
                                  f"{columns.column_of_field[field].label()}; keep one of them")
        positions[field] = index
        written[field] = " ".join(str(cell).split())
    return Header(columns, row_number, positions, written)


def find_header(numbered_rows: Iterator[tuple[int, Sequence[object]]], columns: Columns) -> Header:
    """The first complete header among the top rows, or an ImportFileError naming what the best candidate lacks.

    Consumes the rows up to the header, so the iterator then yields the data rows.
    """
    best: Header | None = None
    for row_number, row in numbered_rows:
        header = read_header(columns, row_number, row)
        if not header.missing_fields():
            return header
        if best is None or len(header.position_of_field) > len(best.position_of_field):
            best = header
        if row_number >= ROWS_SEARCHED_FOR_HEADER:
            break
    if best is None or not best.position_of_field:
        examples = " or ".join(f"'{column.header}' ({column.field})" for column in columns.columns[:2])
        raise ImportFileError(f"no header row found in the first {ROWS_SEARCHED_FOR_HEADER} rows: none of them names "
                              f"a known column such as {examples}")
    missing = ", ".join(best.columns.column_of_field[field].label() for field in best.missing_fields())
    raise ImportFileError(f"the header (row {best.row_number}) lacks required column(s): {missing}")
