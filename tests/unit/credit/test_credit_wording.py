from datetime import date
from fractions import Fraction

from hoanhap.working_days.calendar_periods import Elapsed
from hoanhap_credit.domain.wording import day, dong, elapsed_en, elapsed_vi, percent, vnd


def test_a_date_reads_day_month_year() -> None:
    assert day(date(2019, 3, 2)) == "02/03/2019"


def test_amounts_carry_thousands_separators_in_each_language() -> None:
    assert (vnd(2_000_000_000), dong(2_000_000_000)) == ("VND 2,000,000,000", "2.000.000.000 đồng")


def test_elapsed_reads_years_and_months() -> None:
    assert (elapsed_en(Elapsed(6, 2, 8)), elapsed_vi(Elapsed(6, 2, 8))) == ("6 years 2 months", "6 năm 2 tháng")


def test_elapsed_reads_the_days_when_there_are_no_months() -> None:
    assert (elapsed_en(Elapsed(5, 0, 1)), elapsed_vi(Elapsed(5, 0, 1))) == ("5 years 1 day", "5 năm 1 ngày")


def test_elapsed_of_whole_years_reads_the_years_alone() -> None:
    assert (elapsed_en(Elapsed(1, 0, 0)), elapsed_vi(Elapsed(1, 0, 0))) == ("1 year", "1 năm")


def test_a_share_just_below_ten_percent_never_reads_as_ten() -> None:
    assert percent(Fraction(9, 91)) == "9.8%"
    assert percent(Fraction(99, 1000), ",") == "9,9%"
