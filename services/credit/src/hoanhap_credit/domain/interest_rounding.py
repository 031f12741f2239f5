"""The one rounding rule for money computed from interest: exact until an amount falls due or is posted, then
rounded half up to the đồng (0.5 đồng and above goes up).

Every interest amount is computed as an exact `Fraction` (principal × rate × days / 365) and rounded once, here;
nothing rounds a day's or a segment's share on its own, so splitting a range of days cannot change a đồng."""

from fractions import Fraction
from math import floor

DAYS_IN_YEAR = 365  # actual days over 365, leap years included (29 February earns a day's interest)


def round_half_up(amount: Fraction) -> int:
    """The amount in whole đồng, half up; amounts here are never negative."""
    if amount < 0:
        raise ValueError(f"amount {amount} is negative; interest is never negative")
    return floor(amount + Fraction(1, 2))


def interest_for_days(principal: int, annual_rate: Fraction, days: int) -> Fraction:
    """Exact interest on a principal for a number of days at an annual rate, actual/365."""
    return Fraction(principal) * annual_rate * days / DAYS_IN_YEAR
