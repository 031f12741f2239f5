"""Working days for legal deadlines: weekends skipped, Vietnam's public holidays and the days off the deployment
adds."""

from collections.abc import Iterable
from datetime import date, timedelta

from hoanhap.working_days.public_holidays import SATURDAY, public_holidays


class WorkingCalendar:
    """Monday to Friday, minus the holidays given."""

    def __init__(self, holidays: Iterable[date] = ()) -> None:
        self.holidays = frozenset(holidays)

    @classmethod
    def of_vietnam(cls, extra_days_off: Iterable[date] = (), years: range = range(2020, 2036)) -> "WorkingCalendar":
        """Vietnam's statutory public holidays of those years, and the extra days off announced."""
        return cls({day for year in years for day in public_holidays(year)} | set(extra_days_off))

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
