"""Ages and periods in whole years and months, as the release rules and the integration events reckon them."""

from datetime import date


def age_on(day: date, birth_date: date) -> int:
    """Whole years lived on `day`."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def months_between(start: date, end: date) -> int:
    """Whole calendar months from start to end, as the events carry a supervision period."""
    return (end.year - start.year) * 12 + end.month - start.month
