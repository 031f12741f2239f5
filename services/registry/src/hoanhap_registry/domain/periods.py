"""Ages and periods in whole years and months, as the release rules and the integration events reckon them."""

import calendar
from datetime import date


def age_on(day: date, birth_date: date) -> int:
    """Whole years lived on `day`."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def months_between(start: date, end: date) -> int:
    """Whole calendar months from start to end, as the events carry a supervision period."""
    return (end.year - start.year) * 12 + end.month - start.month


def months_after(start: date, months: int) -> date:
    """The corresponding day, months later; the last day of that month when it has no such day (Civil Code 2015,
    Art. 147-148, as credit's calendar_periods counts it)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def years_after(start: date, years: int) -> date:
    """The corresponding day, years later (28 February for 29 February in a common year)."""
    return months_after(start, 12 * years)
