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
    standard = rules.contact_standard[case.risk_group or UNASSESSED_LIKE]
    schedule = []
    for kind in VisitKind:
        last = case.last_contacts.get(kind)
        interval = standard.get(kind)
        due = None if interval is None else (last or case.opened_on) + timedelta(days=interval)
        schedule.append(ContactDue(kind, last, due, days_overdue(due, today)))
    return schedule


def days_overdue(due_on: date | None, today: date) -> int:
    """Whole days since the due day (0 on it, before it, or when nothing is due)."""
    return 0 if due_on is None else max((today - due_on).days, 0)


def earliest_due(case: SupervisionCase, rules: SupervisionRules, today: date) -> date:
    """The most urgent thing due for the person: their earliest next-due contact, or their reassessment if that
    comes first. Sorting a caseload by it puts the most overdue first, then the soonest due."""
    contacts = [due.next_due_on for due in contact_schedule(case, rules, today) if due.next_due_on is not None]
    return min([*contacts, case.reassessment_due_on])
