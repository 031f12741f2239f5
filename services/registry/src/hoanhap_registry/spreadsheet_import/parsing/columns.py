"""The columns of a list of releases: each field's English name, its usual Vietnamese header, other headers
officers use, and how its cells are read (hoanhap.spreadsheets does the matching and the reading)."""

from hoanhap.places import COMMUNE_CODE_WIDTH, PROVINCE_CODE_WIDTH
from hoanhap.spreadsheets import Column, Columns
from hoanhap.spreadsheets.cell_dates import read_date
from hoanhap.spreadsheets.cell_text import code_reader, read_citizen_id
from hoanhap_registry.spreadsheet_import.parsing.cell_choices import read_release_type, read_sex
from hoanhap_registry.spreadsheet_import.parsing.cell_sentences import read_articles, read_months

COLUMNS = Columns((
    Column("full_name", "Họ và tên", True, ("Họ tên",)),
    Column("citizen_id", "Số CCCD", True,
           ("Số định danh cá nhân", "CCCD", "Số căn cước", "Số căn cước công dân", "Số CMND/CCCD"), read_citizen_id),
    Column("birth_date", "Ngày sinh", True, ("Ngày tháng năm sinh",), read_date),
    Column("sex", "Giới tính", True, (), read_sex),
    Column("province_code", "Mã tỉnh", True, ("Mã tỉnh/thành phố",), code_reader(PROVINCE_CODE_WIDTH)),
    Column("commune_code", "Mã xã", True, ("Mã phường xã", "Mã xã/phường", "Mã phường/xã/đặc khu"),
           code_reader(COMMUNE_CODE_WIDTH)),
    Column("village", "Thôn/Tổ dân phố", False, ("Thôn", "Tổ dân phố", "Thôn, tổ dân phố", "Thôn/xóm", "Ấp")),
    Column("former_place_name", "Địa danh cũ", False, ("Tên địa danh cũ", "Địa chỉ cũ (huyện, xã cũ)")),
    Column("facility", "Trại giam", True, ("Cơ sở giam giữ", "Trại giam/Cơ sở giam giữ", "Nơi chấp hành án")),
    Column("offence_articles", "Tội danh (Điều)", True, ("Điều luật", "Điều", "Điều luật áp dụng"), read_articles),
    Column("sentence_months", "Thời hạn án", True, ("Mức án", "Thời hạn tù"), read_months),
    Column("release_type", "Hình thức ra trại", True, ("Loại", "Loại đối tượng", "Hình thức"), read_release_type),
    Column("release_date", "Ngày ra trại", True, ("Ngày chấp hành xong", "Ngày ra tù"), read_date),
    Column("supervision_end", "Ngày hết thời gian thử thách", False,
           ("Ngày kết thúc giám sát", "Ngày hết thử thách"), read_date),
    Column("certificate_number", "Số giấy chứng nhận", False, ("Số GCN",)),
))
