"""Each way a row is refused, and that the reason names the column and the problem in words."""

from datetime import date

import pytest

from hoanhap_registry.spreadsheet_import.parsing import ImportRow, RejectedRow
from tests.support.spreadsheets import (
    CONDITIONAL_RELEASE_ROW,
    GOOD_ROW,
    csv_file,
    parsed,
    reasons_for,
    table,
)


@pytest.mark.parametrize("citizen_id", ["00109001234", "0010900123456"])
def test_a_citizen_id_not_of_12_digits_is_refused(citizen_id: str):
    assert reasons_for(citizen_id=citizen_id) == [
        "Số CCCD (citizen_id): the cell is not a citizen ID number: must be exactly 12 digits"]


def test_a_citizen_id_with_letters_is_refused():
    assert reasons_for(citizen_id="0010900123AB") == [
        "Số CCCD (citizen_id): the cell is not a citizen ID number: must be exactly 12 digits"]


def test_a_citizen_id_not_starting_with_a_province_of_birth_is_refused():
    assert reasons_for(citizen_id="099090012345") == [
        "Số CCCD (citizen_id): the cell is not a citizen ID number: "
        "its first three digits 099 are not a province code (001-096)"]


def test_a_citizen_id_the_spreadsheet_wrote_in_scientific_notation_is_refused_with_what_to_do():
    [reason] = reasons_for(citizen_id="1.09001E+11")
    assert reason.startswith("Số CCCD (citizen_id): the cell is a number the spreadsheet shortened")


def test_31_february_is_not_a_date():
    assert reasons_for(release_date="31/02/2025") == ["Ngày ra trại (release_date): '31/02/2025' is not a date"]


def test_a_birth_date_in_the_future_is_refused():
    next_year = date.today().year + 1
    assert reasons_for(birth_date=f"01/01/{next_year}") == [
        "Ngày sinh (birth_date): the cell is in the future"]


def test_a_person_under_14_on_release_day_is_refused():
    assert reasons_for(birth_date="16/01/2011") == [
        "Ngày sinh (birth_date): the birth date makes the person 13 on the release date 2025-01-15; "
        "the age at release must be 14 to 110"]


def test_a_person_who_turned_14_on_release_day_is_accepted():
    [row] = parsed(csv_file(table([{**GOOD_ROW, "birth_date": "15/01/2011"}])))
    assert isinstance(row, ImportRow)


def test_an_unknown_commune_code_is_refused():
    assert reasons_for(commune_code="12345") == [
        "Mã xã (commune_code): commune_code 12345 is not an official commune code (5 digits, e.g. 00004)"]


def test_a_commune_of_another_province_is_refused():
    assert reasons_for(province_code="79") == [
        "Mã xã (commune_code): commune 00004 (Phường Ba Đình) belongs to province 01 (Thành phố Hà Nội), "
        "not 79 (Thành phố Hồ Chí Minh)"]


def test_an_unknown_province_code_is_refused():
    assert reasons_for(province_code="99") == [
        "Mã tỉnh (province_code): province_code 99 is not an official province code (2 digits, e.g. 01 for Hà Nội)"]


def test_an_unknown_release_type_is_refused_with_the_types_to_choose_from():
    assert reasons_for(release_type="ra tù") == [
        "Hình thức ra trại (release_type): 'ra tù' is not a release type; write one of: chấp hành xong án phạt tù, "
        "đặc xá, tha tù trước thời hạn có điều kiện, án treo, cải tạo không giam giữ"]


def test_conditional_early_release_without_supervision_end_is_refused():
    assert reasons_for(release_type="tha tù trước thời hạn có điều kiện") == [
        "Ngày hết thời gian thử thách (supervision_end): is required for release type conditional_early_release"]


def test_a_supervision_end_not_after_the_release_is_refused():
    assert reasons_for(**{**CONDITIONAL_RELEASE_ROW, "supervision_end": "15/01/2025"}) == [
        "Ngày hết thời gian thử thách (supervision_end): 2025-01-15 must be after the release date 2025-01-15"]


def test_a_supervision_end_for_a_completed_sentence_is_refused_as_the_registry_would():
    [reason] = reasons_for(supervision_end="15/07/2025")
    assert reason.startswith("Ngày hết thời gian thử thách (supervision_end): must be empty for release type "
                             "completed_sentence")


def test_a_required_cell_left_empty_is_refused():
    assert reasons_for(facility=" ") == ["Trại giam (facility): is empty but required"]


def test_an_optional_cell_that_cannot_be_read_still_refuses_the_row():
    assert reasons_for(supervision_end="sắp tới") == [
        "Ngày hết thời gian thử thách (supervision_end): 'sắp tới' is not a date; write dd/mm/yyyy, e.g. 15/01/2025"]


def test_a_name_longer_than_200_characters_is_refused():
    assert reasons_for(full_name="A" * 201) == ["Họ và tên (full_name): String should have at most 200 characters"]


def test_every_problem_of_a_row_is_reported_in_column_order():
    reasons = reasons_for(sex="không rõ", citizen_id="123", sentence_months="chung thân", release_date="32/01/2025")
    assert [reason.split(":")[0] for reason in reasons] == [
        "Số CCCD (citizen_id)", "Giới tính (sex)", "Thời hạn án (sentence_months)", "Ngày ra trại (release_date)"]


def test_a_column_is_named_as_the_file_heads_it():
    headers = {"full_name": "Họ và tên", "citizen_id": "Số định danh cá nhân", "birth_date": "Ngày sinh",
               "sex": "Giới tính", "province_code": "Mã tỉnh", "commune_code": "Mã xã", "facility": "Trại giam",
               "offence_articles": "Điều luật", "sentence_months": "Thời hạn án", "release_type": "Loại",
               "release_date": "Ngày ra trại"}
    [row] = parsed(csv_file(table([{**GOOD_ROW, "citizen_id": "12"}], headers)))
    assert isinstance(row, RejectedRow) and row.reasons == [
        "Số định danh cá nhân (citizen_id): the cell is not a citizen ID number: must be exactly 12 digits"]


@pytest.mark.parametrize(("field", "written"), [
    ("citizen_id", "0010900123AB"), ("citizen_id", "099090012345"), ("citizen_id", "1.09001E+11"),
    ("birth_date", "31/02/1990"), ("birth_date", "16/01/2011"), ("birth_date", "01/01/2099"),
    ("full_name", "x" * 300)])
def test_a_rejection_reason_never_quotes_an_identity_cell(field, written):
    reasons = reasons_for(**{field: written})
    assert reasons, f"{field}={written!r} should have been refused"
    kept = " ".join(reasons)
    assert written not in kept and written.replace("/", "-") not in kept
    assert not any(part in kept for part in ("1990-02-31", "2011-01-16", "2099-01-01", "0010900123AB"))
