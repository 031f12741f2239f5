"""How an operation recorded offline is classified against the case as it is now, and when a device's clock is
flagged."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hoanhap.contracts import NeedArea, PlanStatus, RiskGroup
from hoanhap_supervision.domain.sync_rules import Outcome, clock_flag, stale_verdict
from tests.unit.supervision.domain.cases import opened_case

RECEIVED = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def test_an_operation_on_the_current_version_applies():
    case = opened_case()
    assert stale_verdict(case, case, "assessment", 0, 3, 3) is None


def test_a_visit_on_a_stale_version_applies_when_nothing_conflicting_happened_meanwhile():
    seen = opened_case()
    now = replace(seen, officer="officer-42")
    assert stale_verdict(seen, now, "visit", 0, 1, 4) is None


def test_a_risk_group_changed_meanwhile_is_a_conflict_for_any_kind():
    seen = replace(opened_case(), risk_group=RiskGroup.B)
    now = replace(seen, risk_group=RiskGroup.C)
    for kind in ("visit", "assessment"):
        verdict = stale_verdict(seen, now, kind, 1, 2, 3)
        assert verdict is not None and (verdict.outcome, verdict.reason) == (Outcome.CONFLICT, "risk_group_changed")


def test_an_assessment_after_another_assessment_meanwhile_is_a_conflict_even_to_the_same_group():
    case = replace(opened_case(), risk_group=RiskGroup.B)
    verdict = stale_verdict(case, case, "assessment", 1, 2, 3)
    assert verdict is not None and (verdict.outcome, verdict.reason) == (Outcome.CONFLICT, "assessed_meanwhile")
    assert stale_verdict(case, case, "visit", 1, 2, 3) is None


def test_a_case_closed_or_moved_meanwhile_is_rejected_with_its_reason():
    seen = opened_case()
    closed = stale_verdict(seen, replace(seen, closed_on=date(2026, 2, 1)), "visit", 0, 1, 2)
    moved = stale_verdict(seen, replace(seen, commune_code="00070"), "visit", 0, 1, 2)
    assert closed is not None and (closed.outcome, closed.reason) == (Outcome.REJECTED, "closed")
    assert moved is not None and (moved.outcome, moved.reason) == (Outcome.REJECTED, "transferred")


def test_a_version_ahead_of_the_case_is_rejected():
    case = opened_case()
    verdict = stale_verdict(case, case, "visit", 0, 5, 2)
    assert verdict is not None and (verdict.outcome, verdict.reason) == (Outcome.REJECTED, "version_ahead")


def test_a_clock_more_than_ten_minutes_off_or_an_operation_dated_after_its_sending_is_flagged():
    assert clock_flag(RECEIVED - timedelta(days=3), RECEIVED + timedelta(minutes=9), RECEIVED) is None
    assert clock_flag(RECEIVED - timedelta(days=3), RECEIVED - timedelta(minutes=11),
                      RECEIVED) == "device_clock_skewed"
    assert clock_flag(RECEIVED + timedelta(minutes=1), RECEIVED, RECEIVED) == "device_time_in_future"
    assert clock_flag(RECEIVED + timedelta(hours=1), RECEIVED + timedelta(hours=2),
                      RECEIVED) == "device_time_in_future"


def test_a_plan_change_after_the_same_areas_status_changed_meanwhile_is_a_conflict():
    seen = opened_case()
    now = replace(seen, plan={NeedArea.ID_CARD: PlanStatus.IN_PROGRESS})
    verdict = stale_verdict(seen, now, "plan", 0, 1, 2, NeedArea.ID_CARD)
    assert verdict is not None and (verdict.outcome, verdict.reason) == (Outcome.CONFLICT, "plan_status_changed")
    assert stale_verdict(seen, now, "plan", 0, 1, 2, NeedArea.HEALTH) is None
    assert stale_verdict(seen, now, "visit", 0, 1, 2) is None
