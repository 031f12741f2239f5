"""The age bands of the figures' age_band filter are whole years of age at release, inclusive at both ends."""

from datetime import date

from hoanhap.contracts.values import OLDEST_AT_RELEASE, YOUNGEST_AT_RELEASE
from hoanhap_stats.figures.selection import AGE_BANDS, Selection

YEAR = (date(2024, 1, 1), date(2024, 12, 31))


def bands_of(age: int) -> list[str]:
    """The bands the filter's SQL (age_at_release BETWEEN youngest AND oldest) puts an age in."""
    bands = []
    for band in AGE_BANDS:
        youngest, oldest = Selection(*YEAR, age_band=band).arguments()[6:8]
        if youngest <= age <= oldest:  # type: ignore[operator]
            bands.append(band)
    return bands


def test_each_boundary_age_falls_in_the_band_named_for_it():
    expected = {14: "14-17", 17: "14-17", 18: "18-29", 29: "18-29", 30: "30-44", 44: "30-44", 45: "45-59",
                59: "45-59", 60: "60+"}
    assert {age: bands_of(age) for age in expected} == {age: [band] for age, band in expected.items()}


def test_every_age_a_release_can_carry_falls_in_exactly_one_band():
    assert all(len(bands_of(age)) == 1 for age in range(YOUNGEST_AT_RELEASE, OLDEST_AT_RELEASE + 1))
