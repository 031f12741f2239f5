"""The alerts' due days on both sides of each boundary: a residence unconfirmed 3 working days after the
notification (across a weekend, and across Vietnam's public holidays), a contact or reassessment past its due day
(as the contact schedule and the case reckon them), and a supervision period ending within 30 days."""

import uuid
from dataclasses import replace
from datetime import date, timedelta

from hoanhap.contracts import VisitKind
from hoanhap.working_days import WorkingCalendar
from hoanhap_supervision.domain.alerts import AlertKind, by_urgency, case_alerts, confirmation_alert
from hoanhap_supervision.domain.contact_schedule import contact_schedule
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from hoanhap_supervision.domain.state import SupervisionCase
from tests.unit.supervision.domain.cases import OPENED_ON, opened_case

PERSON = uuid.uuid4()
VIETNAM = WorkingCalendar.of_vietnam()


def kinds_on(case: SupervisionCase, today: date) -> list[tuple[AlertKind, VisitKind | None, int, int]]:
    return [(found.kind, found.contact_kind, found.days_overdue, found.days_remaining)
            for found in case_alerts(case, DEFAULT_RULES, today)]


def test_a_confirmation_due_across_a_weekend_is_overdue_only_after_the_third_working_day() -> None:
    thursday = date(2026, 1, 15)  # due the next Tuesday, 20 January
    assert confirmation_alert(PERSON, thursday, None, VIETNAM, date(2026, 1, 20)) is None
    overdue = confirmation_alert(PERSON, thursday, None, VIETNAM, date(2026, 1, 21))
    assert overdue is not None
    assert (overdue.kind, overdue.due_on, overdue.days_overdue, overdue.days_remaining) == (
        AlertKind.RESIDENCE_CONFIRMATION_OVERDUE, date(2026, 1, 20), 1, 0)


def test_a_confirmation_due_across_30_april_and_1_may_skips_the_holidays() -> None:
    tuesday = date(2026, 4, 28)  # Wed 29 April, then Mon 4 and Tue 5 May: 30 April and 1 May are days off
    assert confirmation_alert(PERSON, tuesday, None, WorkingCalendar(), date(2026, 5, 2)) is not None
    assert confirmation_alert(PERSON, tuesday, None, VIETNAM, date(2026, 5, 5)) is None
    overdue = confirmation_alert(PERSON, tuesday, None, VIETNAM, date(2026, 5, 6))
    assert overdue is not None and overdue.due_on == date(2026, 5, 5) and overdue.days_overdue == 1


def test_an_announced_day_off_moves_the_confirmation_deadline() -> None:
    bridge = WorkingCalendar.of_vietnam([date(2026, 1, 19)])
    assert confirmation_alert(PERSON, date(2026, 1, 15), None, bridge, date(2026, 1, 21)) is None


def test_a_confirmed_residence_raises_no_alert_even_late() -> None:
    assert confirmation_alert(PERSON, date(2026, 1, 15), date(2026, 1, 30), VIETNAM, date(2026, 2, 10)) is None


def test_a_contact_is_overdue_the_day_after_its_next_due_day_as_the_contact_schedule_says() -> None:
    case = replace(opened_case(), reassessment_due_on=OPENED_ON + timedelta(days=365))
    phone_due = next(due.next_due_on for due in contact_schedule(case, DEFAULT_RULES, OPENED_ON)
                     if due.kind is VisitKind.PHONE_CALL)
    assert phone_due is not None
    assert kinds_on(case, phone_due) == []
    assert kinds_on(case, phone_due + timedelta(days=1)) == [
        (AlertKind.CONTACT_OVERDUE, VisitKind.PHONE_CALL, 1, 0)]


def test_a_reassessment_is_overdue_the_day_after_it_is_due() -> None:
    case = opened_case()  # the first assessment is due at once, on the commitment day
    assert kinds_on(case, case.reassessment_due_on) == []
    assert kinds_on(case, case.reassessment_due_on + timedelta(days=1)) == [
        (AlertKind.REASSESSMENT_OVERDUE, None, 1, 0)]


def test_a_supervision_ending_within_30_days_is_announced_until_its_last_day() -> None:
    ends_on = OPENED_ON + timedelta(days=10)
    case = replace(opened_case(), supervision_ends_on=ends_on, reassessment_due_on=ends_on + timedelta(days=90))
    assert kinds_on(case, ends_on - timedelta(days=31)) == []
    assert kinds_on(case, ends_on - timedelta(days=30)) == [(AlertKind.SUPERVISION_ENDING, None, 0, 30)]
    assert kinds_on(case, ends_on) == [(AlertKind.SUPERVISION_ENDING, None, 0, 0)]
    assert kinds_on(case, ends_on + timedelta(days=1)) == []


def test_alerts_are_listed_the_earliest_due_first_then_by_kind() -> None:
    case = opened_case()
    today = OPENED_ON + timedelta(days=40)
    unconfirmed = confirmation_alert(PERSON, OPENED_ON, None, VIETNAM, today)
    assert unconfirmed is not None
    ordered = by_urgency([*case_alerts(case, DEFAULT_RULES, today), unconfirmed])
    assert [found.kind for found in ordered] == [
        AlertKind.REASSESSMENT_OVERDUE, AlertKind.RESIDENCE_CONFIRMATION_OVERDUE,
        AlertKind.CONTACT_OVERDUE, AlertKind.CONTACT_OVERDUE, AlertKind.CONTACT_OVERDUE]
    assert [found.due_on for found in ordered] == sorted(found.due_on for found in ordered)
