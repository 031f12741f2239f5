"""What officers and supervisors ask to record, before its free text is sealed with the person's key."""

import uuid
from dataclasses import dataclass
from datetime import date

from hoanhap.auth import Principal
from hoanhap.contracts import RiskGroup, VisitKind
from hoanhap.sealing import seal_text
from hoanhap_supervision.application.reintegration_input import (
    AppointmentInput,
    AppointmentOutcomeInput,
    PlanInput,
)
from hoanhap_supervision.application.sponsor_tokens import acting_role
from hoanhap_supervision.application.sponsorship_input import SponsorInput, SponsorshipEndInput, SupportInput
from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.events import AssessmentFactors


@dataclass(frozen=True)
class AssessmentInput:
    risk_group: RiskGroup
    factors: AssessmentFactors
    reason: str
    assessed_on: date

    def sealed(self, key: bytes, person_id: uuid.UUID, principal: Principal) -> cmd.AssessRisk:
        """The command, its reason sealed with the person's key."""
        return cmd.AssessRisk(risk_group=self.risk_group, factors=self.factors,
                              sealed_reason=seal_text(self.reason, key, person_id), assessed_on=self.assessed_on)


@dataclass(frozen=True)
class VisitInput:
    visit_id: uuid.UUID
    kind: VisitKind
    visited_on: date
    outcome: VisitOutcome
    note: str | None

    def sealed(self, key: bytes, person_id: uuid.UUID, principal: Principal) -> cmd.LogVisit:
        """The command by the caller (the token's subject and role), its note sealed with the person's key."""
        note = None if self.note is None else seal_text(self.note, key, person_id)
        return cmd.LogVisit(visit_id=self.visit_id, kind=self.kind, visited_on=self.visited_on, outcome=self.outcome,
                            by_subject=principal.sub, by_role=acting_role(principal), sealed_note=note)


@dataclass(frozen=True)
class AssignmentInput:
    officer: str
    assigned_on: date

    def sealed(self, key: bytes, person_id: uuid.UUID, principal: Principal) -> cmd.AssignOfficer:
        """The command (it holds no free text to seal)."""
        return cmd.AssignOfficer(officer=self.officer, assigned_on=self.assigned_on)


OfficerInput = (AssessmentInput | VisitInput | AssignmentInput
                | SponsorInput | SponsorshipEndInput | SupportInput
                | PlanInput | AppointmentInput | AppointmentOutcomeInput)
