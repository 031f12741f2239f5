"""The rules of a supervision case: opened once, moved, prompted, ended, erased; officers' assessments and contacts
within their days."""

import uuid
from datetime import UTC, date, datetime

import pytest

from hoanhap.contracts import CaseClosureReason, RiskGroup, VisitKind
from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.decide import decide
from hoanhap_supervision.domain.errors import CaseConflict, RuleViolation
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from hoanhap_supervision.domain.state import evolve
from tests.unit.supervision.domain.cases import OPENED_ON, assess, contact, opened_case, opening

TODAY = date(2026, 3, 1)


def test_a_case_opens_once_on_the_commitment_day_with_its_first_assessment_due_that_day():
    case = opened_case()
    assert (case.opened_on, case.reassessment_due_on, case.risk_group) == (OPENED_ON, OPENED_ON, None)
    assert decide(case, opening(case.person_id), DEFAULT_RULES, TODAY) == []


def test_a_transfer_moves_the_case_and_a_transfer_to_where_it_is_changes_nothing():
    case = opened_case()
    [moved] = decide(case, cmd.TransferCase("01", "00070", date(2026, 2, 1)), DEFAULT_RULES, TODAY)
    assert isinstance(moved, ev.CaseTransferred)
    assert (moved.previous_commune_code, moved.commune_code) == ("00004", "00070")
    after = evolve(case, moved)
    assert after is not None and after.commune_code == "00070"
    assert decide(after, cmd.TransferCase("01", "00070", date(2026, 2, 2)), DEFAULT_RULES, TODAY) == []


def test_an_assessment_sets_the_group_and_the_next_reassessment_by_the_groups_interval():
    case = opened_case()
    [assessed] = decide(case, assess(RiskGroup.C, date(2026, 2, 1)), DEFAULT_RULES, TODAY)
    assert isinstance(assessed, ev.RiskAssessed)
    assert assessed.previous_risk_group is None
    assert assessed.next_reassessment_on == date(2026, 3, 3)  # 30 days for group C
    case = evolve(case, assessed)
    assert case is not None
    [again] = decide(case, assess(RiskGroup.A, date(2026, 2, 10)), DEFAULT_RULES, TODAY)
    assert isinstance(again, ev.RiskAssessed) and again.previous_risk_group is RiskGroup.C


def test_a_reoffence_makes_a_reassessment_due_at_once():
    case = evolve(opened_case(), ev.RiskAssessed(
        risk_group=RiskGroup.A, previous_risk_group=None, assessed_on=date(2026, 2, 1),
        factors=assess(RiskGroup.A, TODAY).factors, sealed_reason="x", next_reassessment_on=date(2026, 8, 1)))
    assert case is not None
    [prompt] = decide(case, cmd.PromptReassessment(uuid.uuid4(), date(2026, 2, 20), date(2026, 2, 25)),
                      DEFAULT_RULES, TODAY)
    after = evolve(case, prompt)
    assert after is not None and after.reassessment_due_on == date(2026, 2, 25)


@pytest.mark.parametrize(("day", "field"), [(date(2026, 3, 2), "assessed_on"), (date(2026, 1, 15), "assessed_on")])
def test_an_assessment_in_the_future_or_before_the_opening_is_refused_at_its_field(day, field):
    with pytest.raises(RuleViolation) as refused:
        decide(opened_case(), assess(RiskGroup.B, day), DEFAULT_RULES, TODAY)
    assert refused.value.field == field


def test_a_contact_in_the_future_is_refused_and_one_today_is_taken():
    with pytest.raises(RuleViolation, match="future"):
        decide(opened_case(), contact(VisitKind.HOME_VISIT, date(2026, 3, 2)), DEFAULT_RULES, TODAY)
    assert len(decide(opened_case(), contact(VisitKind.HOME_VISIT, TODAY), DEFAULT_RULES, TODAY)) == 1


def test_only_a_contact_where_the_person_was_met_counts_as_their_last():
    case = opened_case()
    for command in (contact(VisitKind.HOME_VISIT, date(2026, 2, 1)),
                    contact(VisitKind.HOME_VISIT, date(2026, 2, 5), VisitOutcome.NOT_AT_HOME),
                    contact(VisitKind.HOME_VISIT, date(2026, 1, 20))):
        [event] = decide(case, command, DEFAULT_RULES, TODAY)
        case = evolve(case, event)
    assert case is not None and case.last_contacts == {VisitKind.HOME_VISIT: date(2026, 2, 1)}


def test_a_closed_case_refuses_officers_and_ignores_later_registry_facts():
    case = evolve(opened_case(), ev.SupervisionEnded(closed_on=date(2026, 2, 1),
                                                     reason=CaseClosureReason.RECORD_CLEARED))
    assert case is not None and not case.is_open
    with pytest.raises(CaseConflict, match="closed"):
        decide(case, contact(VisitKind.PHONE_CALL, TODAY), DEFAULT_RULES, TODAY)
    assert decide(case, cmd.TransferCase("01", "00070", TODAY), DEFAULT_RULES, TODAY) == []


def test_after_erasure_nothing_more_is_recorded_and_erasure_happens_once():
    erasing = cmd.EraseNotes(datetime(2026, 2, 1, tzinfo=UTC))
    [erased] = decide(opened_case(), erasing, DEFAULT_RULES, TODAY)
    case = evolve(opened_case(), erased)
    assert case is not None
    assert decide(case, erasing, DEFAULT_RULES, TODAY) == []
    with pytest.raises(CaseConflict, match="erased"):
        decide(case, assess(RiskGroup.B, TODAY), DEFAULT_RULES, TODAY)


def test_facts_about_a_person_without_a_case_decide_nothing():
    assert decide(None, cmd.TransferCase("01", "00070", TODAY), DEFAULT_RULES, TODAY) == []


def test_an_officer_is_put_in_charge_once_and_a_transfer_leaves_the_case_to_the_new_commune_to_assign():
    case = opened_case()
    assigning = cmd.AssignOfficer("officer-9", date(2026, 2, 1))
    [assigned] = decide(case, assigning, DEFAULT_RULES, TODAY)
    case = evolve(case, assigned)
    assert case is not None and case.officer == "officer-9"
    assert decide(case, assigning, DEFAULT_RULES, TODAY) == []
    [moved] = decide(case, cmd.TransferCase("01", "00070", date(2026, 2, 2)), DEFAULT_RULES, TODAY)
    after = evolve(case, moved)
    assert after is not None and after.officer is None


def test_an_assignment_in_the_future_is_refused_at_its_field():
    with pytest.raises(RuleViolation) as refused:
        decide(opened_case(), cmd.AssignOfficer("officer-9", date(2026, 3, 2)), DEFAULT_RULES, TODAY)
    assert refused.value.field == "assigned_on"
