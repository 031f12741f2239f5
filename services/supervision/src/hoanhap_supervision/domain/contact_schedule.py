"""Each person's last and next-due contact of each kind, and how many days it is overdue, from the contact
standard of their risk group. A contact falls due on its next-due day, which is not yet overdue; the day after it
is one day overdue."""

from dataclasses import dataclass
from datetime import date, timedelta

from hoanhap.contracts import VisitKind
from hoanhap_supervision.domain.rules import UNASSESSED_LIKE, SupervisionRules
from hoanhap_supervision.domain.state import SupervisionCase


@dataclass(frozen=True)
class ContactDue:
    """One kind of contact for one person: the last where they were met, the day the next is due (None: none is
    due in their group), days overdue (0 on or before the due day)."""

    kind: VisitKind
    last_on: date | None
    next_due_on: date | None
    days_overdue: int


def contact_schedule(case: SupervisionCase, rules: SupervisionRules, today: date) -> list[ContactDue]:
    """Every contact kind, in the contract's order; counted from the case's opening until a first contact."""
    schedule = []
    for kind in VisitKind:
        due = next_due_on(case, rules, kind)
        schedule.append(ContactDue(kind, case.last_contacts.get(kind), due, days_overdue(due, today)))
    return schedule


def next_due_on(case: SupervisionCase, rules: SupervisionRules, kind: VisitKind) -> date | None:
    """The day the next contact of this kind is due (None: none is due in the person's group)."""
    interval = rules.contact_standard[case.risk_group or UNASSESSED_LIKE].get(kind)
    return None if interval is None else (case.last_contacts.get(kind) or case.opened_on) + timedelta(days=interval)


def earliest_contact_due(case: SupervisionCase, rules: SupervisionRules) -> date | None:
    """The earliest next-due day over every kind of contact (None: no contact is due in the person's group)."""
    return min((due for kind in VisitKind if (due := next_due_on(case, rules, kind)) is not None), default=None)


def days_overdue(due_on: date | None, today: date) -> int:
    """Whole days since the due day (0 on it, before it, or when nothing is due)."""
    return 0 if due_on is None else max((today - due_on).days, 0)


def earliest_due(case: SupervisionCase, rules: SupervisionRules, today: date) -> date:
    """The most urgent thing due for the person: their earliest next-due contact, or their reassessment if that
    comes first. Sorting a caseload by it puts the most overdue first, then the soonest due."""
    contacts = [due.next_due_on for due in contact_schedule(case, rules, today) if due.next_due_on is not None]
    return min([*contacts, case.reassessment_due_on])
