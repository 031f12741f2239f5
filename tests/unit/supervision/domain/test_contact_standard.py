"""The contact standard, on both sides of every boundary day, for each risk group and contact kind: a contact
falls due on its next-due day, which is not overdue; the day after is. Group D is due no contact."""

from datetime import date, timedelta

import pytest

from hoanhap.contracts import RiskGroup, VisitKind
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.contact_schedule import contact_schedule, earliest_due
from hoanhap_supervision.domain.decide import decide
from hoanhap_supervision.domain.rules import DEFAULT_CONTACT_STANDARD, DEFAULT_RULES, UNASSESSED_LIKE
from hoanhap_supervision.domain.state import SupervisionCase, evolve
from tests.unit.supervision.domain.cases import OPENED_ON, assess, contact, opened_case

ASSESSED_ON = OPENED_ON + timedelta(days=1)
LAST_CONTACT = OPENED_ON + timedelta(days=2)
BOUNDARIES = [(group, kind, days) for group, kinds in DEFAULT_CONTACT_STANDARD.items()
              for kind, days in kinds.items()]


def case_in(group: RiskGroup, *contacts: tuple[VisitKind, date]) -> SupervisionCase:
    case: SupervisionCase | None = opened_case()
    for command in (assess(group, ASSESSED_ON), *(contact(kind, day) for kind, day in contacts)):
        [event] = decide(case, command, DEFAULT_RULES, LAST_CONTACT)
        case = evolve(case, event)
    assert case is not None
    return case


def due_of(case: SupervisionCase, kind: VisitKind, today: date):
    return next(due for due in contact_schedule(case, DEFAULT_RULES, today) if due.kind is kind)


@pytest.mark.parametrize(("group", "kind", "days"), BOUNDARIES, ids=lambda value: str(value))
def test_a_contact_is_due_on_the_last_contact_plus_the_standard_and_overdue_only_the_day_after(group, kind, days):
    case = case_in(group, (kind, LAST_CONTACT))
    due_day = LAST_CONTACT + timedelta(days=days)
    on_the_day, day_after, day_before = (due_of(case, kind, day) for day in
                                         (due_day, due_day + timedelta(days=1), due_day - timedelta(days=1)))
    assert (on_the_day.last_on, on_the_day.next_due_on) == (LAST_CONTACT, due_day)
    assert (day_before.days_overdue, on_the_day.days_overdue, day_after.days_overdue) == (0, 0, 1)


@pytest.mark.parametrize(("group", "kind", "days"), BOUNDARIES, ids=lambda value: str(value))
def test_before_any_contact_it_is_counted_from_the_opening(group, kind, days):
    case = case_in(group)
    due_day = OPENED_ON + timedelta(days=days)
    assert due_of(case, kind, due_day).days_overdue == 0
    assert due_of(case, kind, due_day + timedelta(days=1)).days_overdue == 1


@pytest.mark.parametrize("group", list(RiskGroup))
def test_a_kind_outside_the_groups_standard_is_never_due(group):
    case = case_in(group)
    far = OPENED_ON + timedelta(days=3650)
    for kind in set(VisitKind) - set(DEFAULT_CONTACT_STANDARD[group]):
        assert (due_of(case, kind, far).next_due_on, due_of(case, kind, far).days_overdue) == (None, 0)


def test_group_d_is_due_no_contact():
    assert all(due.next_due_on is None for due in contact_schedule(case_in(RiskGroup.D), DEFAULT_RULES, OPENED_ON))


def test_an_unassessed_person_is_due_contacts_as_the_unassessed_group():
    case = opened_case()
    days = DEFAULT_CONTACT_STANDARD[UNASSESSED_LIKE][VisitKind.HOME_VISIT]
    assert due_of(case, VisitKind.HOME_VISIT, OPENED_ON).next_due_on == OPENED_ON + timedelta(days=days)


@pytest.mark.parametrize("group", list(RiskGroup))
def test_the_reassessment_falls_due_after_the_groups_interval(group):
    case = case_in(group)
    assert case.reassessment_due_on == ASSESSED_ON + timedelta(days=DEFAULT_RULES.reassessment_days[group])


def test_the_earliest_due_is_the_soonest_contact_or_the_reassessment_if_sooner():
    case = case_in(RiskGroup.C)
    assert earliest_due(case, DEFAULT_RULES, OPENED_ON) == OPENED_ON + timedelta(days=7)
    prompted = evolve(case, ev.ReassessmentPrompted(reoffence_id=case.person_id, committed_on=OPENED_ON,
                                                    due_on=OPENED_ON + timedelta(days=3)))
    assert prompted is not None
    assert earliest_due(prompted, DEFAULT_RULES, OPENED_ON) == OPENED_ON + timedelta(days=3)
