"""Vietnam's working days for legal deadlines (weekends, statutory public holidays and announced days off) and the
residence-confirmation deadline reckoned on them; periods in calendar years and months (calendar_periods). Standard
library only, so a service's domain may import it."""

from hoanhap.working_days.public_holidays import public_holidays
from hoanhap.working_days.residence_confirmation import CONFIRMATION_WORKING_DAYS, confirm_due_on
from hoanhap.working_days.working_calendar import WorkingCalendar

__all__ = ["CONFIRMATION_WORKING_DAYS", "WorkingCalendar", "confirm_due_on", "public_holidays"]
