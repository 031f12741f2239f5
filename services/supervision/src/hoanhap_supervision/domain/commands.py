"""What can be asked of a supervision case: by the registry's facts (open, transfer, prompt, end, erase), by
officers (assess, log a contact) and by supervisors (put an officer in charge). Free text arrives sealed: the
domain never holds it in clear."""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from hoanhap.contracts import CaseClosureReason, ReleaseType, RiskGroup, VisitKind
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.events import AssessmentFactors
from hoanhap_supervision.domain.reintegration_commands import ChangePlan, MakeAppointment, RecordAppointmentOutcome
from hoanhap_supervision.domain.sponsorship_commands import AssignSponsor, EndSponsorship, ProvideSupport


@dataclass(frozen=True)
class OpenSupervision:
    person_id: UUID
    province_code: str
    commune_code: str
    commitment_on: date
    information_sheet_on: date
    release_type: ReleaseType
    release_date: date
    supervision_ends_on: date | None


@dataclass(frozen=True)
class TransferCase:
    province_code: str
    commune_code: str
    moved_on: date


@dataclass(frozen=True)
class PromptReassessment:
    reoffence_id: UUID
    committed_on: date
    due_on: date


@dataclass(frozen=True)
class EndSupervision:
    closed_on: date
    reason: CaseClosureReason


@dataclass(frozen=True)
class EraseNotes:
    erased_at: datetime


@dataclass(frozen=True)
class AssessRisk:
    risk_group: RiskGroup
    factors: AssessmentFactors
    sealed_reason: str
    assessed_on: date


@dataclass(frozen=True)
class LogVisit:
    visit_id: UUID
    kind: VisitKind
    visited_on: date
    outcome: VisitOutcome
    by_subject: str
    by_role: str
    sealed_note: str | None


@dataclass(frozen=True)
class AssignOfficer:
    officer: str
    assigned_on: date


Command = (OpenSupervision | TransferCase | PromptReassessment | EndSupervision | EraseNotes | AssessRisk
           | LogVisit | AssignOfficer
           | AssignSponsor | EndSponsorship | ProvideSupport
           | ChangePlan | MakeAppointment | RecordAppointmentOutcome)
