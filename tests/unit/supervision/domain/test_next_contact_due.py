"""The next-due contact day follows, once, every decision that moves it: the opening, an assessment into a group
with another standard, a contact where the person was met; nothing else records it."""

from datetime import UTC, date, datetime, timedelta

from hoanhap.contracts import RiskGroup, VisitKind
from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.next_contact import decide_and_follow
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from hoanhap_supervision.domain.state import SupervisionCase, replay
from tests.unit.supervision.domain.cases import OPENED_ON, assess, contact, opening

TODAY = date(2026, 3, 1)
PHONE, HOME = VisitKind.PHONE_CALL, VisitKind.HOME_VISIT


def followed(case: SupervisionCase | None, command: cmd.Command) -> list[ev.SupervisionFact]:
    return decide_and_follow(case, command, DEFAULT_RULES, TODAY)


def opened() -> tuple[SupervisionCase, list[ev.SupervisionFact]]:
    events = followed(None, opening())
    case = replay(events)
    assert case is not None
    return case, events


def test_an_opening_records_the_first_due_day_as_of_the_day_it_opened():
    _, events = opened()
    assert events[1:] == [ev.NextContactDueChanged(next_due_on=OPENED_ON + timedelta(days=14), as_of=OPENED_ON)]


def test_a_met_contact_that_moves_the_earliest_day_records_it_as_of_the_contacts_day():
    case, _ = opened()
    visited_on = OPENED_ON + timedelta(days=5)
    visit, due = followed(case, contact(PHONE, visited_on))
    assert isinstance(visit, ev.VisitRecorded)
    assert due == ev.NextContactDueChanged(next_due_on=OPENED_ON + timedelta(days=19), as_of=visited_on)


def test_a_contact_where_the_person_was_not_met_records_no_due_day():
    case, _ = opened()
    assert len(followed(case, contact(PHONE, OPENED_ON, VisitOutcome.NOT_AT_HOME))) == 1


def test_a_contact_that_leaves_the_earliest_day_unmoved_records_nothing_more():
    case, _ = opened()
    assert len(followed(case, contact(HOME, OPENED_ON + timedelta(days=3)))) == 1  # the phone call still comes first


def test_an_assessment_into_another_standard_records_the_new_day_and_group_d_none():
    case, _ = opened()
    assessed_on = OPENED_ON + timedelta(days=2)
    assert followed(case, assess(RiskGroup.C, assessed_on))[1:] == [
        ev.NextContactDueChanged(next_due_on=OPENED_ON + timedelta(days=7), as_of=assessed_on)]
    assert followed(case, assess(RiskGroup.D, assessed_on))[1:] == [
        ev.NextContactDueChanged(next_due_on=None, as_of=assessed_on)]


def test_an_assessment_into_the_standard_already_applied_records_nothing_more():
    case, _ = opened()
    assert len(followed(case, assess(RiskGroup.B, OPENED_ON + timedelta(days=2)))) == 1  # unassessed count as B


def test_other_decisions_record_no_due_day():
    case, _ = opened()
    assert followed(case, cmd.AssignOfficer(officer="officer-9", assigned_on=OPENED_ON)) == [
        ev.OfficerAssigned(officer="officer-9", assigned_on=OPENED_ON)]
    assert followed(case, opening(case.person_id)) == []
    assert followed(None, cmd.EraseNotes(erased_at=datetime(2026, 2, 1, tzinfo=UTC))) == []

