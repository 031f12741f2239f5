from datetime import date

import pytest

from hoanhap.working_days.calendar_periods import Elapsed, elapsed_between, months_after, years_after


def test_a_year_ends_on_the_corresponding_day() -> None:
    assert years_after(date(2019, 3, 2), 5) == date(2024, 3, 2)


def test_29_february_counts_to_28_february_in_a_common_year() -> None:
    assert years_after(date(2020, 2, 29), 5) == date(2025, 2, 28)


def test_29_february_counts_to_29_february_in_a_leap_year() -> None:
    assert years_after(date(2020, 2, 29), 4) == date(2024, 2, 29)


def test_a_month_after_the_31st_ends_on_the_last_day_of_a_short_month() -> None:
    assert months_after(date(2025, 1, 31), 1) == date(2025, 2, 28)


def test_elapsed_counts_whole_years_months_then_days() -> None:
    assert elapsed_between(date(2019, 3, 2), date(2025, 5, 10)) == Elapsed(6, 2, 8)


def test_elapsed_stops_a_month_short_when_the_corresponding_day_is_not_reached() -> None:
    assert elapsed_between(date(2019, 3, 20), date(2024, 4, 19)) == Elapsed(5, 0, 30)


def test_elapsed_from_29_february_reaches_a_year_on_28_february() -> None:
    assert elapsed_between(date(2020, 2, 29), date(2021, 2, 28)) == Elapsed(1, 0, 0)


def test_elapsed_refuses_an_end_before_the_start() -> None:
    with pytest.raises(ValueError, match="end 2024-01-01 is before start 2024-01-02"):
        elapsed_between(date(2024, 1, 2), date(2024, 1, 1))
