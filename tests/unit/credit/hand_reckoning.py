"""The tests' own reckoning of interest, written from the rules and not from the domain's code: walk the days one
by one, add each day's principal × rate / 365 as a Fraction, round the total half up with Decimal's ROUND_HALF_UP."""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction


def half_up(amount: Fraction) -> int:
    """Whole đồng, half up, by Decimal (the domain rounds with floor(x + 1/2))."""
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(amount.numerator) / Decimal(amount.denominator)
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def outstanding(day: date, changes: Iterable[tuple[date, int]]) -> int:
    """Principal outstanding on a day: every change dated on or before it."""
    return sum(amount for changed_on, amount in changes if changed_on <= day)


def interest_by_days(start: date, end: date, changes: list[tuple[date, int]], rate: str) -> int:
    """Interest from start (counted) to end (not counted), one day at a time, rounded once."""
    total, day = Fraction(0), start
    while day < end:
        total += Fraction(outstanding(day, changes)) * Fraction(rate) / 365
        day += timedelta(days=1)
    return half_up(total)
