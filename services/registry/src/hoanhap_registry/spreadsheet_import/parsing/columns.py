"""The spreadsheet's columns: each field's English name, its usual Vietnamese header, and other headers officers use.

Headers are compared folded (see folding.py): "SỐ  CCCD", "so cccd" and "Số CCCD" are one header.
"""

from dataclasses import dataclass

from hoanhap_registry.spreadsheet_import.parsing.folding import fold


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    required: bool
    other_headers: tuple[str, ...] = ()

    def label(self) -> str:
        """How a message names the column when the file has none: "Ngày ra trại (release_date)"."""
        return f"{self.header} ({self.field})"


COLUMNS = (
    Column("full_name", "Họ và tên", True, ("Họ tên",)),
    Column("citizen_id", "Số CCCD", True,
           ("Số định danh cá nhân", "CCCD", "Số căn cước", "Số căn cước công dân", "Số CMND/CCCD")),
    Column("birth_date", "Ngày sinh", True, ("Ngày tháng năm sinh",)),
    Column("sex", "Giới tính", True),
    Column("province_code", "Mã tỉnh", True, ("Mã tỉnh/thành phố",)),
    Column("commune_code", "Mã xã", True, ("Mã phường xã", "Mã xã/phường", "Mã phường/xã/đặc khu")),
    Column("village", "Thôn/Tổ dân phố", False, ("Thôn", "Tổ dân phố", "Thôn, tổ dân phố", "Thôn/xóm", "Ấp")),
    Column("former_place_name", "Địa danh cũ", False, ("Tên địa danh cũ", "Địa chỉ cũ (huyện, xã cũ)")),
    Column("facility", "Trại giam", True, ("Cơ sở giam giữ", "Trại giam/Cơ sở giam giữ", "Nơi chấp hành án")),
    Column("offence_articles", "Tội danh (Điều)", True, ("Điều luật", "Điều", "Điều luật áp dụng")),
    Column("sentence_months", "Thời hạn án", True, ("Mức án", "Thời hạn tù")),
    Column("release_type", "Hình thức ra trại", True, ("Loại", "Loại đối tượng", "Hình thức")),
    Column("release_date", "Ngày ra trại", True, ("Ngày chấp hành xong", "Ngày ra tù")),
    Column("supervision_end", "Ngày hết thời gian thử thách", False,
           ("Ngày kết thúc giám sát", "Ngày hết thử thách")),
    Column("certificate_number", "Số giấy chứng nhận", False, ("Số GCN",)),
)
COLUMN_OF_FIELD = {column.field: column for column in COLUMNS}
REQUIRED_FIELDS = tuple(column.field for column in COLUMNS if column.required)


def _field_by_folded_header() -> dict[str, str]:
    """Every accepted header, folded, to its field; the English field name is always accepted."""
    accepted: dict[str, str] = {}
    for column in COLUMNS:
        for header in (column.field, column.header, *column.other_headers):
            if accepted.setdefault(fold(header), column.field) != column.field:
                raise RuntimeError(f"header {header!r} is given to two columns")
    return accepted


FIELD_BY_FOLDED_HEADER = _field_by_folded_header()


def field_named_by(header: object) -> str | None:
    """The field a header cell names, or None for a column the import does not use."""
    return FIELD_BY_FOLDED_HEADER.get(fold(str(header))) if header is not None else None
