"""The official catalogue of places, read from the vietnam-provinces package: real codes, real names."""

from dataclasses import FrozenInstanceError

import pytest

from hoanhap.places import Commune, official_places

PLACES = official_places()
HCMC_COMMUNE = "26506"  # Phường Vũng Tàu, Thành phố Hồ Chí Minh since 2025-07-01


def test_the_catalogue_holds_the_34_provinces_and_3321_communes_in_force_since_july_2025():
    assert (len(PLACES.province_names), len(PLACES.communes)) == (34, 3321)


def test_ha_noi_is_province_01():
    assert PLACES.province_name("01") == "Thành phố Hà Nội"


def test_commune_00004_is_phuong_ba_dinh_of_ha_noi():
    assert PLACES.commune("00004") == Commune(code="00004", name="Phường Ba Đình", province_code="01")


def test_a_commune_belongs_to_its_own_province_only():
    assert PLACES.is_commune_of("00004", "01")
    assert PLACES.is_commune_of(HCMC_COMMUNE, "79")
    assert not PLACES.is_commune_of(HCMC_COMMUNE, "01")


def test_codes_that_are_not_official_find_nothing():
    assert PLACES.province_name("99") is None
    assert PLACES.commune("12345") is None
    assert not PLACES.is_commune_of("12345", "01")


def test_codes_must_keep_their_leading_zeros():
    assert PLACES.province_name("1") is None
    assert PLACES.commune("4") is None


def test_an_official_commune_of_an_official_province_is_a_valid_residence():
    assert PLACES.validate_residence("01", "00004") == []


def test_a_commune_of_another_province_is_reported_with_both_provinces():
    assert PLACES.validate_residence("79", "00004") == [
        "commune 00004 (Phường Ba Đình) belongs to province 01 (Thành phố Hà Nội), not 79 (Thành phố Hồ Chí Minh)"]


def test_unknown_codes_are_each_reported_by_name():
    problems = PLACES.validate_residence("99", "12345")
    assert [problem.split(" is not")[0] for problem in problems] == ["province_code 99", "commune_code 12345"]
    assert "not an official commune code" in problems[1]


def test_a_blank_code_is_shown_quoted_so_the_officer_sees_it_is_empty():
    assert PLACES.validate_residence("01", "")[0].startswith("commune_code '' is not")


def test_the_catalogue_is_built_once_and_shared():
    assert official_places() is PLACES


def test_the_catalogue_cannot_be_changed():
    with pytest.raises(TypeError):
        PLACES.communes["99999"] = Commune("99999", "Xã Giả", "01")  # type: ignore[index]
    with pytest.raises(FrozenInstanceError):
        PLACES.communes = {}  # type: ignore[misc]
