"""A commune's alerts: the overdue residence confirmations from the registry's facts, and each open case's overdue
contacts and reassessment and supervision ending soon, the most urgent first."""

from collections.abc import Iterable
from datetime import date
from typing import Protocol
from uuid import UUID

from hoanhap.working_days import WorkingCalendar
from hoanhap_supervision.domain.alerts import Alert, by_urgency, case_alerts, confirmation_alert
from hoanhap_supervision.domain.rules import SupervisionRules
from hoanhap_supervision.domain.state import SupervisionCase


class Notified(Protocol):
    """A person notified to the commune, residence not yet confirmed."""

    @property
    def person_id(self) -> UUID: ...

    @property
    def notified_on(self) -> date: ...


def commune_alerts(cases: Iterable[SupervisionCase], unconfirmed: Iterable[Notified], rules: SupervisionRules,
                   calendar: WorkingCalendar, today: date) -> list[Alert]:
    """Every alert of the commune, the earliest due first."""
    alerts = [found for case in cases for found in case_alerts(case, rules, today)]
    for person in unconfirmed:
        if overdue := confirmation_alert(person.person_id, person.notified_on, None, calendar, today):
            alerts.append(overdue)
    return by_urgency(alerts)
