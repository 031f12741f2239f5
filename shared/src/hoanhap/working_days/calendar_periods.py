"""Periods counted in calendar years and months, as Vietnamese law counts them.

Civil Code 2015, Art. 147–148 (article numbers to verify): a period counted in years or months ends on the
corresponding day of its last year or month; when that month has no such day (29 February in a common year, the
31st of a short month) it ends on the last day of that month. So "at most 5 years from 02/03/2019" allows an
application up to and including 02/03/2024, and 5 years from 29/02/2020 ends on 28/02/2025."""

import calendar
from dataclasses import dataclass
from datetime import date


def months_after(start: date, months: int) -> date:
    """The corresponding day, months later (the last day of that month when it has no such day)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def years_after(start: date, years: int) -> date:
    """The corresponding day, years later (28 February for 29 February in a common year)."""
    return months_after(start, 12 * years)


@dataclass(frozen=True)
class Elapsed:
    """Whole years, months and days from one day to a later one, counted by the calendar."""

    years: int
    months: int
    days: int


def elapsed_between(start: date, end: date) -> Elapsed:
    """How long from start to end (end not before start): whole months first, then the days left over."""
    if end < start:
        raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
    months = (end.year - start.year) * 12 + end.month - start.month
    if months_after(start, months) > end:
        months -= 1
    days = (end - months_after(start, months)).days
    return Elapsed(months // 12, months % 12, days)
