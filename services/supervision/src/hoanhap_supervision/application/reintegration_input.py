"""What officers ask to record about a person's reintegration plan and appointments, before its free text is
sealed with the person's key."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from hoanhap.auth import Principal
from hoanhap.contracts import NeedArea, PlanStatus
from hoanhap.sealing import seal_text
from hoanhap.vietnam_time import VIETNAM
from hoanhap_supervision.application.sponsor_tokens import acting_role
from hoanhap_supervision.domain import reintegration_commands as cmd
from hoanhap_supervision.domain.reintegration import AppointmentOutcome, AppointmentPurpose


@dataclass(frozen=True)
class PlanInput:
    area: NeedArea
    status: PlanStatus | None
    note: str | None
    changed_on: date

    def sealed(self, key: bytes, person_id: uuid.UUID, principal: Principal) -> cmd.ChangePlan:
        """The command by the caller, its note sealed with the person's key."""
        note = None if self.note is None else seal_text(self.note, key, person_id)
        return cmd.ChangePlan(area=self.area, status=self.status, sealed_note=note, changed_on=self.changed_on,
                              by_subject=principal.sub, by_role=acting_role(principal))


@dataclass(frozen=True)
class AppointmentInput:
    appointment_id: uuid.UUID
    starts_at: datetime
    purpose: AppointmentPurpose | NeedArea
    where: str
    with_whom: str

    def sealed(self, key: bytes, person_id: uuid.UUID, principal: Principal) -> cmd.MakeAppointment:
        """The command, its place and the one met sealed with the person's key, its day the one in Vietnam."""
        return cmd.MakeAppointment(appointment_id=self.appointment_id, starts_at=self.starts_at,
                                   day=self.starts_at.astimezone(VIETNAM).date(), purpose=self.purpose,
                                   sealed_where=seal_text(self.where, key, person_id),
                                   sealed_with=seal_text(self.with_whom, key, person_id), by_subject=principal.sub)


@dataclass(frozen=True)
class AppointmentOutcomeInput:
    appointment_id: uuid.UUID
    outcome: AppointmentOutcome
    outcome_on: date

    def sealed(self, key: bytes, person_id: uuid.UUID, principal: Principal) -> cmd.RecordAppointmentOutcome:
        """The command (it holds no free text to seal)."""
        return cmd.RecordAppointmentOutcome(appointment_id=self.appointment_id, outcome=self.outcome,
                                            outcome_on=self.outcome_on, by_subject=principal.sub)
