"""A supervision case opened for tests, and the commands officers give."""

import uuid
from datetime import date

from hoanhap.contracts import ReleaseType, RiskGroup, VisitKind
from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain.choices import (
    Compliance,
    Family,
    Housing,
    SubstanceUse,
    VisitOutcome,
    WorkAndIncome,
)
from hoanhap_supervision.domain.decide import decide
from hoanhap_supervision.domain.events import AssessmentFactors
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from hoanhap_supervision.domain.state import SupervisionCase, replay

OPENED_ON = date(2026, 1, 16)
FACTORS = AssessmentFactors(work_and_income=WorkAndIncome.IRREGULAR, housing=Housing.STABLE,
                            family=Family.SUPPORTIVE, substance_use=SubstanceUse.NONE,
                            compliance=Compliance.COMPLIES)


def opening(person_id: uuid.UUID | None = None, commune_code: str = "00004") -> cmd.OpenSupervision:
    return cmd.OpenSupervision(person_id=person_id or uuid.uuid4(), province_code="01", commune_code=commune_code,
                               commitment_on=OPENED_ON, information_sheet_on=OPENED_ON,
                               release_type=ReleaseType.COMPLETED_SENTENCE, release_date=date(2026, 1, 15),
                               supervision_ends_on=None)


def opened_case() -> SupervisionCase:
    case = replay(decide(None, opening(), DEFAULT_RULES, OPENED_ON))
    assert case is not None
    return case


def assess(group: RiskGroup, on: date) -> cmd.AssessRisk:
    return cmd.AssessRisk(risk_group=group, factors=FACTORS, sealed_reason="c2VhbGVk", assessed_on=on)


def contact(kind: VisitKind, on: date, outcome: VisitOutcome = VisitOutcome.MET) -> cmd.LogVisit:
    return cmd.LogVisit(visit_id=uuid.uuid4(), kind=kind, visited_on=on, outcome=outcome, by_subject="officer-1",
                        by_role="officer", sealed_note=None)
