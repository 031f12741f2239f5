"""The one rounding rule: half up to the đồng, from an exact amount."""

from fractions import Fraction

import pytest

from hoanhap_credit.domain.interest_rounding import interest_for_days, round_half_up


@pytest.mark.parametrize(("amount", "expected"), [
    (Fraction(1, 2), 1), (Fraction(49999, 100000), 0), (Fraction(5, 2), 3), (Fraction(7, 2), 4),
    (Fraction(250001, 100000), 3), (Fraction(0), 0), (Fraction(62926), 62926),
])
def test_half_a_dong_and_above_goes_up_and_below_goes_down(amount: Fraction, expected: int) -> None:
    assert round_half_up(amount) == expected


def test_a_negative_amount_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        round_half_up(Fraction(-1, 2))


def test_interest_counts_actual_days_over_365_even_in_a_leap_year() -> None:
    assert interest_for_days(12_000_000, Fraction(66, 1000), 366) == Fraction(12_000_000 * 66 * 366, 1000 * 365)
