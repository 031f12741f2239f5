"""The rules of the reintegration plan and appointments: a status change or note dated within the case's days (a
status the area has already changes nothing), an appointment from the case's opening on (the future included), its
outcome once and attended or missed not before its day; none of it on a closed or erased case."""

import uuid
from datetime import UTC, date, datetime

import pytest

from hoanhap.contracts import CaseClosureReason, NeedArea, PlanStatus
from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.decide import decide
from hoanhap_supervision.domain.errors import CaseConflict, NotInCase, RuleViolation
from hoanhap_supervision.domain.reintegration import AppointmentOutcome, AppointmentPurpose
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from hoanhap_supervision.domain.state import SupervisionCase, evolve
from tests.unit.supervision.domain.cases import OPENED_ON, opened_case

TODAY = date(2026, 3, 1)
SEALED = "c2VhbGVk"


def plan(status: PlanStatus | None = PlanStatus.IN_PROGRESS, note: str | None = None, on: date = date(2026, 2, 1),
         area: NeedArea = NeedArea.ID_CARD) -> cmd.ChangePlan:
    return cmd.ChangePlan(area=area, status=status, sealed_note=note, changed_on=on, by_subject="officer-1",
                          by_role="officer")


def appointment(day: date = date(2026, 3, 10)) -> cmd.MakeAppointment:
    return cmd.MakeAppointment(appointment_id=uuid.uuid4(), starts_at=datetime(day.year, day.month, day.day, 2,
                                                                                tzinfo=UTC),
                               day=day, purpose=AppointmentPurpose.PLAN_REVIEW, sealed_where=SEALED,
                               sealed_with=SEALED, by_subject="officer-1")


def outcome(made: cmd.MakeAppointment, what: AppointmentOutcome, on: date) -> cmd.RecordAppointmentOutcome:
    return cmd.RecordAppointmentOutcome(appointment_id=made.appointment_id, outcome=what, outcome_on=on,
                                        by_subject="officer-1")


def after(case: SupervisionCase, command: cmd.Command, today: date = TODAY) -> SupervisionCase:
    for event in decide(case, command, DEFAULT_RULES, today):
        evolved = evolve(case, event)
        assert evolved is not None
        case = evolved
    return case


def test_a_status_change_moves_the_area_from_not_started_and_a_note_rides_along():
    changed, noted = decide(opened_case(), plan(note=SEALED), DEFAULT_RULES, TODAY)
    assert isinstance(changed, ev.PlanStatusChanged) and isinstance(noted, ev.PlanNoteAdded)
    assert (changed.previous_status, changed.status) == (PlanStatus.NOT_STARTED, PlanStatus.IN_PROGRESS)
    case = after(opened_case(), plan())
    assert case.plan == {NeedArea.ID_CARD: PlanStatus.IN_PROGRESS}
    [met] = decide(case, plan(PlanStatus.MET), DEFAULT_RULES, TODAY)
    assert isinstance(met, ev.PlanStatusChanged) and met.previous_status is PlanStatus.IN_PROGRESS


def test_the_same_status_again_changes_nothing_and_a_note_alone_keeps_the_status():
    case = after(opened_case(), plan())
    assert decide(case, plan(), DEFAULT_RULES, TODAY) == []
    [noted] = decide(case, plan(status=None, note=SEALED), DEFAULT_RULES, TODAY)
    assert isinstance(noted, ev.PlanNoteAdded) and noted.area is NeedArea.ID_CARD


def test_a_plan_change_needs_a_status_or_a_note_and_a_day_of_the_case():
    with pytest.raises(RuleViolation) as nothing:
        decide(opened_case(), plan(status=None), DEFAULT_RULES, TODAY)
    assert nothing.value.field == "status"
    for day in (date(2026, 3, 2), date(2026, 1, 15)):
        with pytest.raises(RuleViolation) as dated:
            decide(opened_case(), plan(on=day), DEFAULT_RULES, TODAY)
        assert dated.value.field == "changed_on"


def test_an_appointment_may_be_in_the_future_but_not_before_the_case_opened():
    made = appointment(date(2026, 4, 1))
    case = after(opened_case(), made)
    assert case.appointments[made.appointment_id].day == date(2026, 4, 1)
    with pytest.raises(RuleViolation) as early:
        decide(opened_case(), appointment(date(2026, 1, 1)), DEFAULT_RULES, TODAY)
    assert early.value.field == "starts_at"


def test_an_outcome_is_recorded_once_and_only_for_an_appointment_of_the_case():
    made = appointment(date(2026, 2, 20))
    case = after(opened_case(), made)
    case = after(case, outcome(made, AppointmentOutcome.ATTENDED, date(2026, 2, 20)))
    assert case.appointments[made.appointment_id].outcome is AppointmentOutcome.ATTENDED
    with pytest.raises(CaseConflict):
        decide(case, outcome(made, AppointmentOutcome.MISSED, date(2026, 2, 21)), DEFAULT_RULES, TODAY)
    with pytest.raises(NotInCase):
        decide(case, outcome(appointment(), AppointmentOutcome.MISSED, date(2026, 2, 21)), DEFAULT_RULES, TODAY)


def test_attended_or_missed_not_before_the_day_rescheduled_or_cancelled_any_day_of_the_case_not_in_the_future():
    made = appointment(date(2026, 3, 10))
    case = after(opened_case(), made)
    for what in (AppointmentOutcome.ATTENDED, AppointmentOutcome.MISSED):
        with pytest.raises(RuleViolation) as early:
            decide(case, outcome(made, what, date(2026, 2, 25)), DEFAULT_RULES, TODAY)
        assert early.value.field == "outcome_on"
    [cancelled] = decide(case, outcome(made, AppointmentOutcome.CANCELLED, date(2026, 2, 25)), DEFAULT_RULES, TODAY)
    assert isinstance(cancelled, ev.AppointmentOutcomeRecorded)
    with pytest.raises(RuleViolation) as future:
        decide(case, outcome(made, AppointmentOutcome.RESCHEDULED, date(2026, 3, 2)), DEFAULT_RULES, TODAY)
    assert future.value.field == "outcome_on"


def test_a_closed_or_erased_case_refuses_plans_and_appointments():
    made = appointment()
    case = after(opened_case(), made)
    closed = after(case, cmd.EndSupervision(closed_on=OPENED_ON, reason=CaseClosureReason.RECORD_CLEARED))
    erased = after(case, cmd.EraseNotes(erased_at=datetime(2026, 2, 1, tzinfo=UTC)))
    for refusing in (closed, erased):
        for command in (plan(), appointment(), outcome(made, AppointmentOutcome.CANCELLED, TODAY)):
            with pytest.raises(CaseConflict):
                decide(refusing, command, DEFAULT_RULES, TODAY)
