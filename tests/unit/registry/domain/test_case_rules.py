"""The registry's rules, decided without I/O."""

import uuid
from datetime import date

import pytest

from hoanhap.contracts import CaseClosureReason, ReleaseType, ReoffenceStatus, Sex
from hoanhap.working_days import WorkingCalendar
from hoanhap_registry.domain import commands as cmd
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.decide import decide
from hoanhap_registry.domain.errors import CaseConflict, RuleViolation
from hoanhap_registry.domain.state import PersonCase, evolve, replay

CALENDAR = WorkingCalendar()
RELEASE = ev.ReleaseRegistered(
    sealed_identity="sealed", birth_year=1990, sex=Sex.MALE, province_code="01",
    commune_code="00004", village="Tổ 5", former_place_name=None, facility="Trại giam Thanh Xuân",
    offence_articles=(173,), sentence_months=24, release_type=ReleaseType.COMPLETED_SENTENCE,
    release_date=date(2026, 1, 15), supervision_end=None, notified_on=date(2026, 1, 9))


def registered() -> PersonCase:
    case = replay([RELEASE])
    assert case is not None
    return case


def then(case: PersonCase, command: cmd.Command) -> PersonCase:
    for event in decide(case, command, CALENDAR):
        case = evolve(case, event)
    return case


def test_registering_opens_the_case_in_the_notified_commune():
    case = replay(decide(None, cmd.RegisterRelease(RELEASE), CALENDAR))
    assert case is not None and case.is_open and (case.province_code, case.commune_code) == ("01", "00004")


def test_registering_the_same_person_twice_is_a_conflict():
    with pytest.raises(CaseConflict, match="already registered"):
        decide(registered(), cmd.RegisterRelease(RELEASE), CALENDAR)


def test_confirmation_records_the_deadline_three_working_days_after_notification():
    [event] = decide(registered(), cmd.ConfirmResidence(date(2026, 1, 12)), CALENDAR)
    assert isinstance(event, ev.ResidenceConfirmed)
    assert event.due_on == date(2026, 1, 14)  # notified Friday 9th: Mon 12, Tue 13, Wed 14


def test_second_confirmation_is_a_conflict():
    with pytest.raises(CaseConflict, match="already confirmed"):
        then(then(registered(), cmd.ConfirmResidence(date(2026, 1, 12))), cmd.ConfirmResidence(date(2026, 1, 13)))


def test_confirmation_before_the_notification_names_the_field():
    with pytest.raises(RuleViolation) as refused:
        decide(registered(), cmd.ConfirmResidence(date(2026, 1, 8)), CALENDAR)
    assert refused.value.field == "confirmed_on"


def test_intake_before_release_is_refused():
    with pytest.raises(RuleViolation, match="commitment_on 2026-01-10 is before the release date"):
        decide(registered(), cmd.RecordIntake(date(2026, 1, 10), date(2026, 1, 20)), CALENDAR)


def test_transfer_moves_the_case_to_the_new_commune_and_province():
    case = then(registered(), cmd.ChangeResidence("79", "26734", None, date(2026, 3, 1)))
    assert (case.province_code, case.commune_code) == ("79", "26734")


def test_transfer_to_the_current_commune_is_refused():
    with pytest.raises(RuleViolation, match="already lives in commune 00004"):
        decide(registered(), cmd.ChangeResidence("01", "00004", None, date(2026, 3, 1)), CALENDAR)


def test_conviction_updates_the_earlier_arrest():
    arrest = uuid.uuid4()
    case = then(registered(), cmd.RecordReoffence(arrest, date(2026, 5, 1), (173,),
                                                  ReoffenceStatus.ARREST_PENDING_TRIAL))
    case = then(case, cmd.RecordReoffence(arrest, date(2026, 5, 1), (173,), ReoffenceStatus.NEW_CONVICTION,
                                          updates_arrest=True))
    assert len(case.reoffences) == 1 and case.reoffences[arrest].status == ReoffenceStatus.NEW_CONVICTION


def test_updating_an_arrest_that_was_never_recorded_names_the_field():
    with pytest.raises(RuleViolation) as refused:
        decide(registered(), cmd.RecordReoffence(uuid.uuid4(), date(2026, 5, 1), (173,),
                                                 ReoffenceStatus.NEW_CONVICTION, updates_arrest=True), CALENDAR)
    assert refused.value.field == "arrest_id"


def test_a_conviction_cannot_be_recorded_twice():
    conviction = uuid.uuid4()
    case = then(registered(), cmd.RecordReoffence(conviction, date(2026, 5, 1), (173,),
                                                  ReoffenceStatus.NEW_CONVICTION))
    with pytest.raises(CaseConflict):
        decide(case, cmd.RecordReoffence(conviction, date(2026, 5, 1), (173,), ReoffenceStatus.NEW_CONVICTION,
                                         updates_arrest=True), CALENDAR)


def test_reoffence_before_release_is_refused():
    with pytest.raises(RuleViolation, match="committed_on"):
        decide(registered(), cmd.RecordReoffence(uuid.uuid4(), date(2025, 12, 1), (173,),
                                                 ReoffenceStatus.NEW_CONVICTION), CALENDAR)


def test_closing_for_another_reason_needs_a_note():
    with pytest.raises(RuleViolation) as refused:
        decide(registered(), cmd.CloseCase(date(2027, 1, 15), CaseClosureReason.OTHER, "  "), CALENDAR)
    assert refused.value.field == "note"


def test_closed_case_accepts_no_change_but_erasure():
    closed = then(registered(), cmd.CloseCase(date(2027, 1, 15), CaseClosureReason.RECORD_CLEARED, None))
    with pytest.raises(CaseConflict, match="closed on 2027-01-15"):
        decide(closed, cmd.ConfirmResidence(date(2027, 2, 1)), CALENDAR)
    erased = then(closed, cmd.EraseIdentity(date(2027, 2, 1)))
    assert erased.erased_on == date(2027, 2, 1) and not erased.is_open


def test_erased_case_accepts_nothing():
    erased = then(registered(), cmd.EraseIdentity(date(2026, 2, 1)))
    with pytest.raises(CaseConflict, match="erased"):
        decide(erased, cmd.EraseIdentity(date(2026, 2, 2)), CALENDAR)


@pytest.mark.parametrize(("notified_on", "holidays", "due_on"), [
    (date(2026, 1, 12), (), date(2026, 1, 15)),                  # Monday -> Thursday
    (date(2026, 1, 15), (), date(2026, 1, 20)),                  # Thursday -> next Tuesday
    (date(2026, 4, 28), (date(2026, 4, 30), date(2026, 5, 1)), date(2026, 5, 5)),  # 30/4 and 1/5 holidays
])
def test_working_days_skip_weekends_and_configured_holidays(notified_on, holidays, due_on):
    assert WorkingCalendar(holidays).add_working_days(notified_on, 3) == due_on


def test_an_arrest_that_came_to_nothing_is_withdrawn_and_no_longer_counts_as_a_reoffence():
    arrest = uuid.uuid4()
    case = then(registered(), cmd.RecordReoffence(arrest, date(2026, 5, 1), (173,),
                                                  ReoffenceStatus.ARREST_PENDING_TRIAL))
    assert case.reoffence_count == 1
    case = then(case, cmd.RecordReoffence(arrest, date(2026, 5, 1), (173,), ReoffenceStatus.ARREST_WITHDRAWN,
                                          updates_arrest=True))
    assert case.reoffences[arrest].status == ReoffenceStatus.ARREST_WITHDRAWN and case.reoffence_count == 0


def test_a_withdrawal_needs_the_arrest_it_settles_and_a_conviction_cannot_be_withdrawn():
    with pytest.raises(RuleViolation) as refused:
        decide(registered(), cmd.RecordReoffence(uuid.uuid4(), date(2026, 5, 1), (173,),
                                                 ReoffenceStatus.ARREST_WITHDRAWN), CALENDAR)
    assert refused.value.field == "arrest_id"
    conviction = uuid.uuid4()
    case = then(registered(), cmd.RecordReoffence(conviction, date(2026, 5, 1), (173,),
                                                  ReoffenceStatus.NEW_CONVICTION))
    with pytest.raises(CaseConflict):
        decide(case, cmd.RecordReoffence(conviction, date(2026, 5, 1), (173,), ReoffenceStatus.ARREST_WITHDRAWN,
                                         updates_arrest=True), CALENDAR)
