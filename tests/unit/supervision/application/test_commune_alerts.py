"""A commune's alerts gather the residences overdue unconfirmed and every open case's alerts, earliest due first."""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from hoanhap.working_days import WorkingCalendar
from hoanhap_supervision.application.alerts import commune_alerts
from hoanhap_supervision.domain.alerts import AlertKind
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from tests.unit.supervision.domain.cases import OPENED_ON, opened_case


@dataclass(frozen=True)
class Notified:
    person_id: uuid.UUID
    notified_on: date


def test_the_communes_alerts_are_the_unconfirmed_residences_and_the_cases_alerts_earliest_due_first() -> None:
    late, on_time = Notified(uuid.uuid4(), OPENED_ON - timedelta(days=30)), Notified(uuid.uuid4(), OPENED_ON)
    case = opened_case()
    alerts = commune_alerts([case], [late, on_time], DEFAULT_RULES, WorkingCalendar.of_vietnam(),
                            OPENED_ON + timedelta(days=1))
    assert [(found.person_id, found.kind) for found in alerts] == [
        (late.person_id, AlertKind.RESIDENCE_CONFIRMATION_OVERDUE),
        (case.person_id, AlertKind.REASSESSMENT_OVERDUE)]
