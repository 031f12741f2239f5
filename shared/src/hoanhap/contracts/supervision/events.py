"""Integration events of the supervision service about one person's case: visits, risk, support, sponsors, when
the next contact is due, the plan's areas."""

from datetime import date
from typing import ClassVar
from uuid import UUID

from pydantic import Field

from hoanhap.contracts.choices import RiskGroup
from hoanhap.contracts.integration_event import IntegrationEvent
from hoanhap.contracts.services import Service
from hoanhap.contracts.supervision.choices import (
    NeedArea,
    PlanStatus,
    SponsorKind,
    SupervisionClosureReason,
    SupportKind,
    VisitKind,
)
from hoanhap.contracts.values import CommuneCode, Money, PersonId, ProvinceCode


class SupervisionEvent(IntegrationEvent):
    """An event of the supervision service."""

    service: ClassVar[Service] = Service.SUPERVISION


class SupervisionCaseEvent(SupervisionEvent):
    """A supervision event about one person's case."""

    person_id: PersonId
    case_id: UUID


class SupervisionOpened(SupervisionCaseEvent):
    """The person reported to the commune and a supervision case was opened (forms HCD-02, HCD-05)."""

    event_type: ClassVar[str] = "hoanhap.supervision.SupervisionOpened"
    schema_version: ClassVar[int] = 1
    province_code: ProvinceCode
    commune_code: CommuneCode
    opened_on: date
    commitment_signed: bool = Field(description="The commitment not to reoffend (HCD-05) was signed")
    supervision_ends_on: date | None = Field(
        default=None, description="End of the probation or supervision period, when there is one"
    )


class VisitLogged(SupervisionCaseEvent):
    """An officer or sponsor met the person."""

    event_type: ClassVar[str] = "hoanhap.supervision.VisitLogged"
    schema_version: ClassVar[int] = 1
    visit_id: UUID
    kind: VisitKind
    visited_on: date


class RiskGroupAssessed(SupervisionCaseEvent):
    """The person was assessed (or reassessed) into risk group A, B, C or D."""

    event_type: ClassVar[str] = "hoanhap.supervision.RiskGroupAssessed"
    schema_version: ClassVar[int] = 1
    risk_group: RiskGroup
    previous_risk_group: RiskGroup | None = None
    assessed_on: date


class SupportProvided(SupervisionCaseEvent):
    """The person received support: counselling, training, a job referral, help with a loan..."""

    event_type: ClassVar[str] = "hoanhap.supervision.SupportProvided"
    schema_version: ClassVar[int] = 1
    support_id: UUID
    kind: SupportKind
    provided_on: date
    value: Money | None = Field(default=None, description="Value of material aid in VND, when counted")
    model_id: UUID | None = Field(default=None, description="The local model that gave the support")


class SponsorAssigned(SupervisionCaseEvent):
    """A person, organisation or business took on sponsoring the person (nhận đỡ đầu)."""

    event_type: ClassVar[str] = "hoanhap.supervision.SponsorAssigned"
    schema_version: ClassVar[int] = 1
    sponsor_kind: SponsorKind
    assigned_on: date
    model_id: UUID | None = Field(default=None, description="The local model the sponsor acts for")


class SponsorshipEnded(SupervisionCaseEvent):
    """A sponsor stopped sponsoring the person. Who the sponsor was, and why it ended, stay with supervision."""

    event_type: ClassVar[str] = "hoanhap.supervision.SponsorshipEnded"
    schema_version: ClassVar[int] = 1
    ended_on: date


class SupervisionClosed(SupervisionCaseEvent):
    """The supervision case ended."""

    event_type: ClassVar[str] = "hoanhap.supervision.SupervisionClosed"
    schema_version: ClassVar[int] = 1
    closed_on: date
    reason: SupervisionClosureReason


class NextContactDueSet(SupervisionCaseEvent):
    """The person's earliest next-due contact day, by the contact standard as it was on the fact it follows (an
    opening, an assessment, a contact where they were met); the standard itself stays with supervision."""

    event_type: ClassVar[str] = "hoanhap.supervision.NextContactDueSet"
    schema_version: ClassVar[int] = 1
    next_due_on: date | None = Field(description="The earliest day a contact is due; None: none is due in their group")
    as_of: date = Field(description="The day of the fact it follows (opened, assessed or visited on)")


class PlanAreaStatusChanged(SupervisionCaseEvent):
    """An area of the person's reintegration plan moved to another status (never a case note)."""

    event_type: ClassVar[str] = "hoanhap.supervision.PlanAreaStatusChanged"
    schema_version: ClassVar[int] = 1
    area: NeedArea
    status: PlanStatus
    changed_on: date
