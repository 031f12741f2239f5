"""Supervision's internal events: what its event store records about one person's supervision case.

They hold more than the integration events on Kafka: the assessment's factors, who made a contact and its outcome,
and free text (the reason of an assessment, the note of a contact) sealed with the person's own key. Only the
mapping in ``hoanhap_supervision.adapters.publishing`` decides what leaves the service.
"""

from datetime import date, datetime
from typing import ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from hoanhap.contracts import (
    CaseClosureReason,
    NeedArea,
    PlanStatus,
    ReleaseType,
    RiskGroup,
    SponsorKind,
    SupportKind,
    VisitKind,
)
from hoanhap_supervision.domain.choices import (
    Compliance,
    Family,
    Housing,
    SubstanceUse,
    VisitOutcome,
    WorkAndIncome,
)
from hoanhap_supervision.domain.reintegration import AppointmentOutcome, AppointmentPurpose

SEALED_FIELDS = frozenset({"sealed_reason", "sealed_note", "sealed_name", "sealed_contact"}
                          | {"sealed_where", "sealed_with"})
"""Payload fields holding sealed free text: never shown, unreadable once the person's key is destroyed."""


class SupervisionFact(BaseModel):
    """Base of the internal events: frozen, and named by their class."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    schema_version: ClassVar[int] = 1

    @classmethod
    def type_name(cls) -> str:
        """The event type recorded in the store."""
        return cls.__name__


class SupervisionStarted(SupervisionFact):
    """The person reported to the commune (the registry recorded the intake): the case opens where they live."""

    person_id: UUID
    province_code: str
    commune_code: str
    commitment_on: date
    information_sheet_on: date
    release_type: ReleaseType
    release_date: date
    supervision_ends_on: date | None


class CaseTransferred(SupervisionFact):
    """The person moved (the registry's residence change): the case passes to the new commune, with no officer in
    charge until one is assigned there."""

    previous_province_code: str
    previous_commune_code: str
    province_code: str
    commune_code: str
    moved_on: date


class ReassessmentPrompted(SupervisionFact):
    """A reoffence was recorded: the person's risk group is to be reassessed at once."""

    reoffence_id: UUID
    committed_on: date
    due_on: date


class AssessmentFactors(BaseModel):
    """What decided a risk group."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    work_and_income: WorkAndIncome
    housing: Housing
    family: Family
    substance_use: SubstanceUse
    compliance: Compliance


class RiskAssessed(SupervisionFact):
    """The person was assessed (or reassessed) into a risk group."""

    risk_group: RiskGroup
    previous_risk_group: RiskGroup | None
    assessed_on: date
    factors: AssessmentFactors
    sealed_reason: str
    next_reassessment_on: date


class VisitRecorded(SupervisionFact):
    """An officer or sponsor made a contact with the person, or tried to."""

    visit_id: UUID
    kind: VisitKind
    visited_on: date
    outcome: VisitOutcome
    by_subject: str
    by_role: str
    sealed_note: str | None


class OfficerAssigned(SupervisionFact):
    """A supervisor put an officer of the case's commune in charge of it (the token subject they sign in with)."""

    officer: str
    assigned_on: date


class SupervisionEnded(SupervisionFact):
    """The registry closed the person's case: supervision ends with it."""

    closed_on: date
    reason: CaseClosureReason


class NotesErased(SupervisionFact):
    """The person was erased in the registry: their key is destroyed, every sealed text about them unreadable."""

    erased_at: datetime


class SponsorAssigned(SupervisionFact):
    """A person, organisation or business took on sponsoring the person; its name and contact are sealed, and
    the token subject it signs in with (if it does) is what its sponsor scope is checked against."""

    sponsor_id: UUID
    sponsor_kind: SponsorKind
    sealed_name: str
    sealed_contact: str | None
    token_subject: str | None
    model_id: UUID | None
    assigned_on: date


class SponsorshipEnded(SupervisionFact):
    """A sponsor stopped sponsoring the person (why, sealed): its token can no longer act for them."""

    sponsor_id: UUID
    ended_on: date
    sealed_reason: str


class SupportGiven(SupervisionFact):
    """The person was given support (material aid with its value in VND), maybe through a local model."""

    support_id: UUID
    kind: SupportKind
    provided_on: date
    value: int | None
    model_id: UUID | None
    sealed_note: str | None
    by_subject: str
    by_role: str


class PlanStatusChanged(SupervisionFact):
    """A need area of the person's reintegration plan moved to another status (published as PlanAreaStatusChanged,
    without who changed it)."""

    area: NeedArea
    status: PlanStatus
    previous_status: PlanStatus
    changed_on: date
    by_subject: str
    by_role: str


class PlanNoteAdded(SupervisionFact):
    """A case note on one need area of the plan, sealed (kept inside)."""

    area: NeedArea
    noted_on: date
    sealed_note: str
    by_subject: str
    by_role: str


class AppointmentMade(SupervisionFact):
    """An appointment with the person: when (its day in Vietnam beside it), what for, where and with whom (sealed);
    kept inside."""

    appointment_id: UUID
    starts_at: datetime
    day: date
    purpose: AppointmentPurpose | NeedArea
    sealed_where: str
    sealed_with: str
    by_subject: str


class AppointmentOutcomeRecorded(SupervisionFact):
    """What came of an appointment, on which day (kept inside)."""

    appointment_id: UUID
    outcome: AppointmentOutcome
    outcome_on: date
    by_subject: str


class NextContactDueChanged(SupervisionFact):
    """The person's earliest next-due contact day changed (an opening, an assessment, a contact where they were
    met): the day as the contact standard gave it then (None: no contact due in their group), as of the day of the
    fact it follows. An audit of the standard as it was; stats counts compliance from it."""

    next_due_on: date | None
    as_of: date


FACTS: dict[str, type[SupervisionFact]] = {fact.type_name(): fact for fact in (
    SupervisionStarted, CaseTransferred, ReassessmentPrompted, RiskAssessed, VisitRecorded, OfficerAssigned,
    SupervisionEnded, NotesErased,
    SponsorAssigned, SponsorshipEnded, SupportGiven,
    PlanStatusChanged, PlanNoteAdded, AppointmentMade, AppointmentOutcomeRecorded,
    NextContactDueChanged)}
