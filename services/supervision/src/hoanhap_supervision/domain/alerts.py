"""The alerts of a commune: what is overdue, or about to end, for each person it supervises. Each rule reuses the
one that already reckons its day (the confirmation deadline, the contact schedule, the case's reassessment), so
the alerts never disagree with the case view or the caseload. Due on its day is not overdue; the day after is one
day overdue."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from hoanhap.contracts import VisitKind
from hoanhap.working_days import WorkingCalendar, confirm_due_on
from hoanhap_supervision.domain.contact_schedule import contact_schedule, days_overdue
from hoanhap_supervision.domain.rules import SupervisionRules
from hoanhap_supervision.domain.state import SupervisionCase

ENDING_WITHIN_DAYS = 30


class AlertKind(StrEnum):
    """What an alert is about, in the order alerts due the same day are listed."""

    RESIDENCE_CONFIRMATION_OVERDUE = "residence_confirmation_overdue"
    CONTACT_OVERDUE = "contact_overdue"
    REASSESSMENT_OVERDUE = "reassessment_overdue"
    SUPERVISION_ENDING = "supervision_ending"


KIND_ORDER = {kind: position for position, kind in enumerate(AlertKind)}


@dataclass(frozen=True)
class Alert:
    """One thing to act on for one person: its due day, days overdue (0 when not yet due) and days remaining (0
    when due or overdue); a contact alert names the contact's kind."""

    person_id: UUID
    kind: AlertKind
    due_on: date
    days_overdue: int
    days_remaining: int
    contact_kind: VisitKind | None = None


def alert(person_id: UUID, kind: AlertKind, due_on: date, today: date,
          contact_kind: VisitKind | None = None) -> Alert:
    """The alert with its days overdue and remaining reckoned on today."""
    return Alert(person_id, kind, due_on, days_overdue(due_on, today), max((due_on - today).days, 0), contact_kind)


def confirmation_alert(person_id: UUID, notified_on: date, confirmed_on: date | None, calendar: WorkingCalendar,
                       today: date) -> Alert | None:
    """A residence still unconfirmed after its deadline: 3 working days after the notification."""
    due_on = confirm_due_on(notified_on, calendar)
    if confirmed_on is not None or today <= due_on:
        return None
    return alert(person_id, AlertKind.RESIDENCE_CONFIRMATION_OVERDUE, due_on, today)


def case_alerts(case: SupervisionCase, rules: SupervisionRules, today: date) -> list[Alert]:
    """The open case's overdue contacts (each kind), overdue reassessment, and a supervision ending within 30
    days (from today to the 30th day after it, both included)."""
    alerts = [alert(case.person_id, AlertKind.CONTACT_OVERDUE, due.next_due_on, today, due.kind)
              for due in contact_schedule(case, rules, today) if due.next_due_on is not None and due.days_overdue]
    if days_overdue(case.reassessment_due_on, today):
        alerts.append(alert(case.person_id, AlertKind.REASSESSMENT_OVERDUE, case.reassessment_due_on, today))
    ends_on = case.supervision_ends_on
    if ends_on is not None and 0 <= (ends_on - today).days <= ENDING_WITHIN_DAYS:
        alerts.append(alert(case.person_id, AlertKind.SUPERVISION_ENDING, ends_on, today))
    return alerts


def by_urgency(alerts: list[Alert]) -> list[Alert]:
    """The earliest due first (so the most overdue), then by kind, person and contact kind."""
    return sorted(alerts, key=lambda found: (found.due_on, KIND_ORDER[found.kind], str(found.person_id),
                                             found.contact_kind or ""))
