"""Appointments: what one is for and what came of it (closed choices, kept inside the service: no contract event
carries them). The plan's need areas and their statuses are the contract's (hoanhap.contracts NeedArea,
PlanStatus): PlanAreaStatusChanged publishes them."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AppointmentPurpose(StrEnum):
    """What an appointment is for, when it is not about one need area of the plan."""

    REPORTING = "reporting"
    PLAN_REVIEW = "plan_review"
    COUNSELLING = "counselling"


class AppointmentOutcome(StrEnum):
    """What came of an appointment (recorded once, later)."""

    ATTENDED = "attended"
    MISSED = "missed"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"


HAPPENED = frozenset({AppointmentOutcome.ATTENDED, AppointmentOutcome.MISSED})
"""Outcomes known only from the appointment's day on (rescheduling or cancelling may come before it)."""


@dataclass(frozen=True)
class Appointment:
    """What the rules need of an appointment: its day in Vietnam and its outcome once recorded."""

    day: date
    outcome: AppointmentOutcome | None = None
