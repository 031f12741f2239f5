"""How cells are written in officers' lists, and what the import reads from them."""

from datetime import date, datetime

import pytest

from hoanhap.contracts import ReleaseType, Sex
from hoanhap.spreadsheets.cell_dates import read_date
from hoanhap_registry.spreadsheet_import.parsing.cell_choices import read_release_type, read_sex
from hoanhap_registry.spreadsheet_import.parsing.cell_sentences import read_articles, read_months


@pytest.mark.parametrize(("written", "months"), [
    ("24", 24), ("2 năm", 24), ("1 năm 6 tháng", 18), ("18 tháng", 18), ("1 năm, 6 tháng", 18),
    ("1 nam 6 thang", 18), ("0", 0), (36, 36), (36.0, 36),
])
def test_sentence_lengths_are_read_in_months(written: object, months: int):
    assert read_months(written) == months


@pytest.mark.parametrize("written", ["chung thân", "1.5 năm", "30 ngày", "năm"])
def test_a_sentence_length_without_years_or_months_is_refused(written: str):
    with pytest.raises(ValueError, match="is not a length of sentence; write months"):
        read_months(written)


@pytest.mark.parametrize(("written", "articles"), [
    ("173", (173,)), ("173, 174", (173, 174)), ("Điều 173; Điều 51", (173, 51)), ("điều 173 khoản 1", (173,)),
    ("Điều 173 khoản 1, khoản 2; Điều 51", (173, 51)), ("Đ.173 và Đ.174", (173, 174)), ("173 BLHS 2015", (173,)),
    ("173; 173", (173,)), (173, (173,)),
])
def test_offence_articles_are_read_from_numbers_and_from_dieu(written: object, articles: tuple[int, ...]):
    assert read_articles(written) == articles


def test_an_offence_named_without_its_article_is_refused():
    with pytest.raises(ValueError, match="'Trộm cắp tài sản' names no article number"):
        read_articles("Trộm cắp tài sản")


@pytest.mark.parametrize(("written", "release_type"), [
    ("chấp hành xong án phạt tù", ReleaseType.COMPLETED_SENTENCE),
    ("CHẤP HÀNH XONG ÁN PHẠT TÙ", ReleaseType.COMPLETED_SENTENCE),
    ("Đặc xá", ReleaseType.SPECIAL_AMNESTY),
    ("dac xa", ReleaseType.SPECIAL_AMNESTY),
    ("Tha tù trước thời hạn có điều kiện", ReleaseType.CONDITIONAL_EARLY_RELEASE),
    ("án treo", ReleaseType.SUSPENDED_SENTENCE),
    ("Cải tạo  không giam giữ", ReleaseType.NON_CUSTODIAL_REFORM),
    ("conditional_early_release", ReleaseType.CONDITIONAL_EARLY_RELEASE),
    ("Special Amnesty", ReleaseType.SPECIAL_AMNESTY),
])
def test_release_types_are_read_in_english_or_vietnamese_with_or_without_accents(written: str, release_type):
    assert read_release_type(written) is release_type


@pytest.mark.parametrize(("written", "sex"), [("Nam", Sex.MALE), ("Nữ", Sex.FEMALE), ("NU", Sex.FEMALE),
                                              ("female", Sex.FEMALE), ("male", Sex.MALE)])
def test_sex_is_read_as_nam_or_nu_or_in_english(written: str, sex: Sex):
    assert read_sex(written) is sex


@pytest.mark.parametrize(("written", "day"), [
    ("05/01/2025", date(2025, 1, 5)), ("5/1/2025", date(2025, 1, 5)), ("05-01-2025", date(2025, 1, 5)),
    ("05.01.2025", date(2025, 1, 5)), ("2025-01-05", date(2025, 1, 5)), ("2025-01-05 00:00:00", date(2025, 1, 5)),
    (datetime(2025, 1, 5), date(2025, 1, 5)), (date(2025, 1, 5), date(2025, 1, 5)),
])
def test_dates_are_read_day_first_or_as_iso_or_from_date_cells(written: object, day: date):
    assert read_date(written) == day


@pytest.mark.parametrize("written", ["05/01/25", "January 5, 2025", "2025/13/01"])
def test_a_date_in_another_format_is_refused_with_the_format_to_use(written: str):
    with pytest.raises(ValueError, match="is not a date; write dd/mm/yyyy"):
        read_date(written)


@pytest.mark.parametrize("reader", [read_date, read_months, read_articles, read_sex, read_release_type])
def test_a_blank_cell_is_read_as_nothing(reader):
    assert reader("  ") is None and reader(None) is None
