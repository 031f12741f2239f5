"""The deadline to confirm a released person's residence: 3 working days after the commune was notified (Circular
10/2024). The registry records it; supervision alerts on it, both from this one rule."""

from datetime import date

from hoanhap.working_days.working_calendar import WorkingCalendar

CONFIRMATION_WORKING_DAYS = 3


def confirm_due_on(notified_on: date, calendar: WorkingCalendar) -> date:
    """The last day to confirm a residence: 3 working days after the notification (Circular 10/2024)."""
    return calendar.add_working_days(notified_on, CONFIRMATION_WORKING_DAYS)
