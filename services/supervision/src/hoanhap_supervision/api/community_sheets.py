"""The columns of an officer's existing list of local models or of outreach activities (CSV or XLSX, Vietnamese
headers), and how a row becomes the same request body the one-by-one endpoint takes (ModelLaunch, OutreachReport),
so every bound and every refusal naming a field is the same; hoanhap.spreadsheets reads the file and the cells.

The place is the path's: a model's list is of the commune that runs its models (the first of a model's communes,
others it covers in "Xã/phường bao phủ"), an outreach list of the commune that held the activities.
"""

import re
from collections.abc import Mapping

from hoanhap.contracts import ModelLevel, OutreachActivity
from hoanhap.places import COMMUNE_CODE_WIDTH
from hoanhap.spreadsheets import (
    AcceptedRow,
    Column,
    Columns,
    Header,
    RejectedRow,
    accepted_or_rejected,
    read_cells,
    validated,
)
from hoanhap.spreadsheets.cell_choices import choice_reader
from hoanhap.spreadsheets.cell_dates import read_date
from hoanhap.spreadsheets.cell_text import code_reader, read_count, read_text
from hoanhap_supervision.api.community_requests import ModelLaunch, OutreachReport

LEVEL_LABELS = {
    ModelLevel.COMMUNE: ("cấp xã", "xã", "phường", "đặc khu", "xã/phường"),
    ModelLevel.DISTRICT: ("cấp huyện", "huyện", "quận", "thị xã"),
}
OUTREACH_LABELS = {  # one line per kind: a kind added to OutreachActivity is readable once it has its line here
    OutreachActivity.LOUDSPEAKER_BROADCAST: ("phát thanh trên loa", "phát thanh", "loa truyền thanh"),
    OutreachActivity.NEWS_ITEM: ("tin bài", "tin", "bài viết"),
    OutreachActivity.MOBILE_SESSION: ("tuyên truyền lưu động", "buổi tuyên truyền", "lưu động"),
    OutreachActivity.BANNER: ("băng rôn", "khẩu hiệu", "pa nô", "băng rôn, khẩu hiệu"),
    OutreachActivity.LEAFLET: ("tờ rơi", "tờ gấp"),
    OutreachActivity.JOB_COUNSELLING: ("tư vấn việc làm", "tư vấn, giới thiệu việc làm"),
    OutreachActivity.SOCIAL_MEDIA_POST: ("bài đăng mạng xã hội", "mạng xã hội", "tin bài trên mạng xã hội"),
    OutreachActivity.DOCUMENT_HANDOUT: ("cấp phát tài liệu", "tài liệu", "sách, tài liệu", "sổ tay"),
    OutreachActivity.JOB_INTRODUCTION_CONFERENCE: ("hội nghị giới thiệu việc làm", "hội nghị việc làm",
                                                   "giới thiệu việc làm"),
}
CODE_SEPARATORS = re.compile(r"[,;/\s]+")
read_commune_code = code_reader(COMMUNE_CODE_WIDTH)


def read_commune_codes(value: object) -> list[str] | None:
    """Commune codes separated by commas, semicolons or spaces ("00004, 00070"), leading zeros restored."""
    text = read_text(value)
    if text is None:
        return None
    return [code for piece in CODE_SEPARATORS.split(text) if (code := read_commune_code(piece))]


MODEL_COLUMNS = Columns((
    Column("title", "Tên mô hình", True, ("Mô hình", "Tên mô hình, câu lạc bộ")),
    Column("level", "Cấp", True, ("Cấp mô hình", "Cấp thực hiện"), choice_reader(LEVEL_LABELS, "a level")),
    Column("launched_on", "Ngày ra mắt", True, ("Ngày thành lập", "Ngày ra mắt mô hình"), read_date),
    Column("commune_codes", "Xã/phường bao phủ", False, ("Xã bao phủ", "Mã xã bao phủ", "Địa bàn bao phủ"),
           read_commune_codes),
    Column("lead_organisation", "Tổ chức chủ trì", True, ("Cơ quan chủ trì", "Đơn vị chủ trì")),
    Column("former_district_name", "Huyện cũ", False, ("Tên huyện cũ", "Quận/huyện cũ")),
))
OUTREACH_COLUMNS = Columns((
    Column("activity", "Hình thức", True, ("Hình thức tuyên truyền", "Loại hoạt động"),
           choice_reader(OUTREACH_LABELS, "an outreach activity")),
    Column("quantity", "Số lượng", True, ("Số lần", "Số buổi"), read_count),
    Column("attendance", "Số người tham dự", False, ("Số người tham gia", "Số lượt người tham dự"), read_count),
    Column("held_on", "Ngày thực hiện", True, ("Ngày tổ chức", "Ngày"), read_date),
))


def model_launch(row_number: int, cells: Mapping[str, object], header: Header, province_code: str,
                 commune_code: str) -> AcceptedRow[ModelLaunch] | RejectedRow:
    """The row as the body POST /v1/models takes, run by the path's commune, or every reason it cannot be."""
    values, problems = read_cells(cells, MODEL_COLUMNS)
    covered = values.get("commune_codes")
    others = [code for code in covered if code != commune_code] if isinstance(covered, list) else []
    body, problems = validated(ModelLaunch, {**values, "province_code": province_code,
                                             "commune_codes": [commune_code, *others]}, problems)
    return accepted_or_rejected(row_number, body, problems, header)


def outreach_report(row_number: int, cells: Mapping[str, object], header: Header, province_code: str,
                    commune_code: str) -> AcceptedRow[OutreachReport] | RejectedRow:
    """The row as the body POST /v1/outreach takes, held in the path's commune, or every reason it cannot be."""
    values, problems = read_cells(cells, OUTREACH_COLUMNS)
    body, problems = validated(OutreachReport, {**values, "province_code": province_code,
                                                "commune_code": commune_code}, problems)
    return accepted_or_rejected(row_number, body, problems, header)
