"""Calendar months, as the registry's events carry a supervision period."""

import calendar
from datetime import date


def months_after(start: date, months: int) -> date:
    """The same day of the month, months later (the month's last day when it has no such day)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
