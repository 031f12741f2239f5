"""The case as a device saw it at an older version, from the landmarks the case keeps: its place, risk group, plan
and assessments at that version; contacts add none; a replay and a step-by-step evolve keep the same ones."""

from datetime import date

from hoanhap.contracts import NeedArea, PlanStatus, RiskGroup, VisitKind
from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain.decide import decide
from hoanhap_supervision.domain.landmarks import seen_at
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from hoanhap_supervision.domain.state import SupervisionCase, evolve
from tests.unit.supervision.domain.cases import assess, contact, opened_case

TODAY = date(2026, 3, 1)


def after(case: SupervisionCase, command: cmd.Command) -> SupervisionCase:
    for event in decide(case, command, DEFAULT_RULES, TODAY):
        case = evolve(case, event)
    return case


def a_case_with_a_history() -> SupervisionCase:
    """v1 opened in 00004; v2 contact; v3 assessed B; v4 plan ID card in progress; v5 moved to 00070; v6 assessed
    B again; v7 contact."""
    case = after(opened_case(), contact(VisitKind.HOME_VISIT, date(2026, 1, 20)))
    case = after(case, assess(RiskGroup.B, date(2026, 1, 25)))
    case = after(case, cmd.ChangePlan(area=NeedArea.ID_CARD, status=PlanStatus.IN_PROGRESS, sealed_note=None,
                                      changed_on=date(2026, 1, 26), by_subject="officer-1", by_role="officer"))
    case = after(case, cmd.TransferCase(province_code="01", commune_code="00070", moved_on=date(2026, 2, 1)))
    case = after(case, assess(RiskGroup.B, date(2026, 2, 5)))
    return after(case, contact(VisitKind.PHONE_CALL, date(2026, 2, 6)))


def test_the_version_counts_every_event_of_the_case():
    assert (opened_case().version, a_case_with_a_history().version) == (1, 7)


def test_the_case_as_seen_at_each_version_has_that_versions_place_group_plan_and_assessments():
    landmarks = a_case_with_a_history().landmarks
    seen = {version: seen_at(landmarks, version) for version in range(1, 8)}
    assert all(landmark is not None for landmark in seen.values())
    assert [(s.commune_code, s.risk_group, s.plan.get(NeedArea.ID_CARD), s.assessments)  # type: ignore[union-attr]
            for s in seen.values()] == [
        ("00004", None, None, 0), ("00004", None, None, 0), ("00004", RiskGroup.B, None, 1),
        ("00004", RiskGroup.B, PlanStatus.IN_PROGRESS, 1), ("00070", RiskGroup.B, PlanStatus.IN_PROGRESS, 1),
        ("00070", RiskGroup.B, PlanStatus.IN_PROGRESS, 2), ("00070", RiskGroup.B, PlanStatus.IN_PROGRESS, 2)]


def test_contacts_add_no_landmark_and_nothing_is_seen_before_the_opening():
    landmarks = a_case_with_a_history().landmarks
    assert [landmark.version for landmark in landmarks] == [1, 3, 4, 5, 6]
    assert seen_at(landmarks, 0) is None
