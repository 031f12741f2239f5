"""Working days for legal deadlines: weekends skipped, and the public holidays the deployment configures."""

from collections.abc import Iterable
from datetime import date, timedelta

SATURDAY = 5


class WorkingCalendar:
    """Monday to Friday, minus configured public holidays (Tết and the others change yearly: configuration)."""

    def __init__(self, holidays: Iterable[date] = ()) -> None:
        self.holidays = frozenset(holidays)

    def is_working_day(self, day: date) -> bool:
        """True for a weekday that is not a public holiday."""
        return day.weekday() < SATURDAY and day not in self.holidays

    def add_working_days(self, start: date, days: int) -> date:
        """The day that is `days` working days after start (start itself does not count)."""
        current = start
        remaining = days
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current
