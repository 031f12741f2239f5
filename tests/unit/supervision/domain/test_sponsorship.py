"""The rules of sponsors and support: a sponsor assigned within the case's days, one token subject at a time, a
sponsorship ended once and not before it began; support within the case's days, material aid with its value and
nothing else with one; none of it on a closed or erased case."""

import uuid
from datetime import UTC, date, datetime

import pytest

from hoanhap.contracts import CaseClosureReason, SponsorKind, SupportKind, VisitKind
from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.decide import decide
from hoanhap_supervision.domain.errors import CaseConflict, NotInCase, RuleViolation
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from hoanhap_supervision.domain.sponsorship_decisions import sponsors_person
from hoanhap_supervision.domain.state import SupervisionCase, evolve
from tests.unit.supervision.domain.cases import OPENED_ON, opened_case

TODAY = date(2026, 3, 1)
SUBJECT = "sponsor:moc-viet"


def sponsor(on: date = date(2026, 2, 1), subject: str | None = SUBJECT) -> cmd.AssignSponsor:
    return cmd.AssignSponsor(sponsor_id=uuid.uuid4(), kind=SponsorKind.ORGANISATION, sealed_name="c2VhbGVk",
                             sealed_contact=None, token_subject=subject, model_id=None, assigned_on=on)


def support(kind: SupportKind = SupportKind.MATERIAL_AID, value: int | None = 1_000_000,
            on: date = date(2026, 2, 1), by: str = "officer-1") -> cmd.ProvideSupport:
    return cmd.ProvideSupport(support_id=uuid.uuid4(), kind=kind, provided_on=on, value=value, model_id=None,
                              sealed_note=None, by_subject=by,
                              by_role="sponsor" if by.startswith("sponsor:") else "officer")


def after(case: SupervisionCase, command: cmd.Command) -> SupervisionCase:
    for event in decide(case, command, DEFAULT_RULES, TODAY):
        evolved = evolve(case, event)
        assert evolved is not None
        case = evolved
    return case


def test_an_assigned_sponsor_sponsors_the_person_until_its_sponsorship_ends():
    assigned = sponsor()
    case = after(opened_case(), assigned)
    assert sponsors_person(case, SUBJECT) and not sponsors_person(case, "sponsor:someone-else")
    [ended] = decide(case, cmd.EndSponsorship(assigned.sponsor_id, date(2026, 2, 20), "c2VhbGVk"), DEFAULT_RULES,
                     TODAY)
    assert isinstance(ended, ev.SponsorshipEnded)
    case = after(case, cmd.EndSponsorship(assigned.sponsor_id, date(2026, 2, 20), "c2VhbGVk"))
    assert not sponsors_person(case, SUBJECT)
    assert sponsors_person(after(case, sponsor(date(2026, 2, 25))), SUBJECT), "it may sponsor them again"


def test_a_sponsor_without_a_token_subject_lets_no_token_act():
    case = after(opened_case(), sponsor(subject=None))
    assert len(case.sponsors) == 1 and not sponsors_person(case, SUBJECT)


def test_one_token_subject_sponsors_a_person_once_at_a_time():
    case = after(opened_case(), sponsor())
    with pytest.raises(CaseConflict, match="already sponsors"):
        decide(case, sponsor(), DEFAULT_RULES, TODAY)


@pytest.mark.parametrize(("day", "ok"), [(OPENED_ON, True), (OPENED_ON.replace(day=15), False), (TODAY, True),
                                         (date(2026, 3, 2), False)])
def test_a_sponsor_is_assigned_from_the_cases_opening_to_today(day, ok):
    if ok:
        assert decide(opened_case(), sponsor(day), DEFAULT_RULES, TODAY)
    else:
        with pytest.raises(RuleViolation) as refused:
            decide(opened_case(), sponsor(day), DEFAULT_RULES, TODAY)
        assert refused.value.field == "assigned_on"


def test_a_sponsorship_ends_once_not_before_it_began_and_only_if_the_case_holds_it():
    assigned = sponsor(date(2026, 2, 10))
    case = after(opened_case(), assigned)
    with pytest.raises(RuleViolation) as early:
        decide(case, cmd.EndSponsorship(assigned.sponsor_id, date(2026, 2, 9), "x"), DEFAULT_RULES, TODAY)
    assert early.value.field == "ended_on"
    with pytest.raises(NotInCase):
        decide(case, cmd.EndSponsorship(uuid.uuid4(), date(2026, 2, 10), "x"), DEFAULT_RULES, TODAY)
    ended = after(case, cmd.EndSponsorship(assigned.sponsor_id, date(2026, 2, 10), "x"))
    with pytest.raises(CaseConflict, match="already ended"):
        decide(ended, cmd.EndSponsorship(assigned.sponsor_id, date(2026, 2, 11), "x"), DEFAULT_RULES, TODAY)


@pytest.mark.parametrize("kind", list(SupportKind))
def test_only_material_aid_has_a_value_and_it_must(kind):
    case = opened_case()
    valued, bare = support(kind, 500_000), support(kind, None)
    right, wrong = (valued, bare) if kind is SupportKind.MATERIAL_AID else (bare, valued)
    [given] = decide(case, right, DEFAULT_RULES, TODAY)
    assert isinstance(given, ev.SupportGiven) and given.value == right.value
    with pytest.raises(RuleViolation) as refused:
        decide(case, wrong, DEFAULT_RULES, TODAY)
    assert refused.value.field == "value"


def test_support_is_given_on_a_day_of_the_case():
    with pytest.raises(RuleViolation) as refused:
        decide(opened_case(), support(on=date(2026, 3, 2)), DEFAULT_RULES, TODAY)
    assert refused.value.field == "provided_on"


@pytest.mark.parametrize("command", [sponsor(), support(), cmd.EndSponsorship(uuid.uuid4(), TODAY, "x")],
                         ids=lambda command: type(command).__name__)
def test_nothing_is_added_to_a_closed_or_erased_case(command):
    closed = after(opened_case(), cmd.EndSupervision(date(2026, 2, 1), CaseClosureReason.OTHER))
    with pytest.raises(CaseConflict, match="closed"):
        decide(closed, command, DEFAULT_RULES, TODAY)
    erased = evolve(opened_case(), ev.NotesErased(erased_at=datetime(2026, 2, 1, tzinfo=UTC)))
    assert erased is not None
    with pytest.raises(CaseConflict, match="erased"):
        decide(erased, command, DEFAULT_RULES, TODAY)


def test_a_sponsor_records_contacts_and_support_only_while_it_sponsors_the_person_in_the_state_written_to():
    sponsored = after(opened_case(), sponsor())
    by_sponsor = [support(by=SUBJECT), cmd.LogVisit(visit_id=uuid.uuid4(), kind=VisitKind.HOME_VISIT,
                                                     visited_on=date(2026, 2, 2), outcome=VisitOutcome.MET,
                                                     by_subject=SUBJECT, by_role="sponsor", sealed_note=None)]
    [assigned] = sponsored.sponsors
    ending = cmd.EndSponsorship(sponsor_id=assigned, ended_on=date(2026, 2, 10), sealed_reason="c2VhbGVk")
    ended = after(sponsored, ending)
    for command in by_sponsor:
        assert len(decide(sponsored, command, DEFAULT_RULES, TODAY)) == 1
        for not_sponsoring in (opened_case(), ended):
            with pytest.raises(NotInCase):
                decide(not_sponsoring, command, DEFAULT_RULES, TODAY)
