"""A commune's caseload: its open cases by urgency, the most overdue first, then the soonest due."""

from datetime import date

from hoanhap_supervision.domain.contact_schedule import earliest_due
from hoanhap_supervision.domain.rules import SupervisionRules
from hoanhap_supervision.domain.state import SupervisionCase


def by_urgency(cases: list[SupervisionCase], rules: SupervisionRules, today: date) -> list[SupervisionCase]:
    """The cases sorted by the earliest thing due for each (a contact or the reassessment), then by person id."""
    return sorted(cases, key=lambda case: (earliest_due(case, rules, today), str(case.person_id)))
