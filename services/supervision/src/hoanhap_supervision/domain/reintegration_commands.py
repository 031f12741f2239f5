"""What officers ask of a case about its reintegration plan and appointments, free text already sealed."""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from hoanhap.contracts import NeedArea, PlanStatus
from hoanhap_supervision.domain.reintegration import AppointmentOutcome, AppointmentPurpose


@dataclass(frozen=True)
class ChangePlan:
    """A status change of one need area, a note on it, or both."""

    area: NeedArea
    status: PlanStatus | None
    sealed_note: str | None
    changed_on: date
    by_subject: str
    by_role: str


@dataclass(frozen=True)
class MakeAppointment:
    appointment_id: UUID
    starts_at: datetime
    day: date
    """The day of starts_at in Vietnam."""
    purpose: AppointmentPurpose | NeedArea
    sealed_where: str
    sealed_with: str
    by_subject: str


@dataclass(frozen=True)
class RecordAppointmentOutcome:
    appointment_id: UUID
    outcome: AppointmentOutcome
    outcome_on: date
    by_subject: str
