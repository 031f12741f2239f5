"""The reintegration plan and appointments: the need areas a plan follows, each area's status, what an appointment
is for and what came of it (closed choices, kept inside the service: no contract event carries them)."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class NeedArea(StrEnum):
    """What a person may need to settle back: the areas of their reintegration plan."""

    WORK_AND_INCOME = "work_and_income"
    VOCATIONAL_TRAINING = "vocational_training"
    HOUSING_AND_RESIDENCE_PAPERS = "housing_and_residence_papers"
    ID_CARD = "id_card"
    FAMILY = "family"
    HEALTH = "health"
    SUBSTANCE_USE = "substance_use"
    LEGAL_AID = "legal_aid"
    LOANS = "loans"


class PlanStatus(StrEnum):
    """Where an area of the plan stands; every area starts not started."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SUPPORT_NEEDED = "support_needed"
    SUPPORT_DECLINED = "support_declined"
    MET = "met"


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
