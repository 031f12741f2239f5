"""The end of day of one loan: principal due before the day and unpaid becomes overdue, overdue interest accrues for
the day and is posted in whole đồng, the debt group moves by days past due; a day closed twice records nothing more.

The loan (credit_loans): VND 12,000,000 disbursed on 1 June 2025 at 6.6%, VND 1,000,000 of principal due on the 1st
of each month from 1 July 2025; overdue interest is 130% of 6.6% = 8.58% a year, actual/365."""

from datetime import date
from decimal import Decimal
from fractions import Fraction
from uuid import uuid4

import pytest

from hoanhap_credit.adapters.loan_states import state_json, state_of
from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.end_of_day import close_day
from hoanhap_credit.domain.loan_arrears import arrears_on
from hoanhap_credit.domain.loan_errors import LoanRuleViolation
from hoanhap_credit.domain.loan_events import FACTS
from hoanhap_credit.domain.loan_record import LoanRecord
from hoanhap_credit.domain.loan_state import replay
from tests.unit.credit.credit_end_of_day import closed, closed_each_day, posted
from tests.unit.credit.credit_loans import (
    approve,
    approved,
    disburse,
    disbursed,
    repay,
    run,
    small_loan_application,
    step,
)
from tests.unit.credit.hand_reckoning import half_up
from tests.unit.credit.test_credit_loan_state_json import PERSON

FIRST_DUE = date(2025, 7, 1)
OVERDUE_RATE = Fraction("0.066") * Fraction(13, 10)


def test_nothing_is_overdue_on_the_due_day_itself() -> None:
    assert close_day(disbursed(), FIRST_DUE) == []


def test_the_day_after_the_due_day_the_unpaid_instalment_is_overdue_and_a_days_interest_posted() -> None:
    _, events = closed(disbursed(), date(2025, 7, 2))
    # by hand: 1,000,000 × 8.58% / 365 = 235.07 -> 235
    assert events == [
        ev.ArrearsChanged(as_of=date(2025, 7, 2), overdue_principal=1_000_000, overdue_since=date(2025, 7, 2),
                          days_past_due=1, debt_group=1, overdue_rate=Decimal("0.0858")),
        ev.OverdueInterestPosted(posted_on=date(2025, 7, 2), amount=235,
                                 overdue_interest_accrued=str(Fraction(1_000_000) * OVERDUE_RATE / 365))]


def test_the_same_day_closed_twice_records_nothing_the_second_time() -> None:
    loan, first = closed(disbursed(), date(2025, 7, 20))
    assert first
    again, second = closed(loan, date(2025, 7, 20))
    assert second == [] and again == loan


def test_forty_days_overdue_closed_day_by_day_post_the_hand_reckoned_dong() -> None:
    loan, events = closed_each_day(disbursed(), FIRST_DUE, date(2025, 8, 10))
    # by hand: instalment 1 overdue 40 days (2 July to 10 August), instalment 2 nine days (2 to 10 August):
    # 49,000,000 đồng-days × 8.58% / 365 = 11,518.36 -> 11,518
    assert posted(events) == half_up(Fraction(49_000_000) * OVERDUE_RATE / 365) == 11_518
    assert loan.overdue_interest_posted == 11_518
    today = arrears_on(loan, date(2025, 8, 10))
    assert (today.overdue_principal, today.overdue_since, today.days_past_due, today.debt_group) == \
        (2_000_000, date(2025, 7, 2), 40, 2)
    assert loan.arrears is not None and loan.arrears.as_of == date(2025, 8, 2)  # last changed when instalment 2 fell


def test_arrears_are_recorded_only_when_the_overdue_principal_or_the_group_changes() -> None:
    _, events = closed_each_day(disbursed(), FIRST_DUE, date(2025, 8, 10))
    changes = [(e.as_of, e.overdue_principal, e.debt_group) for e in events if isinstance(e, ev.ArrearsChanged)]
    assert changes == [(date(2025, 7, 2), 1_000_000, 1), (date(2025, 7, 11), 1_000_000, 2),
                       (date(2025, 8, 2), 2_000_000, 2)]


@pytest.mark.parametrize(("days_past_due", "group"), [
    (1, 1), (9, 1), (10, 2), (90, 2), (91, 3), (180, 3), (181, 4), (360, 4), (361, 5)])
def test_the_debt_group_is_that_of_the_oldest_unpaid_instalments_days_on_both_sides_of_each_limit(
        days_past_due: int, group: int) -> None:
    day = date.fromordinal(FIRST_DUE.toordinal() + days_past_due)
    _, events = closed(disbursed(), day)
    arrears = events[0]
    assert isinstance(arrears, ev.ArrearsChanged)
    assert (arrears.days_past_due, arrears.debt_group, arrears.overdue_since) == (days_past_due, group,
                                                                                 date(2025, 7, 2))


def test_closed_day_by_day_the_group_moves_on_the_days_its_limits_are_crossed() -> None:
    _, events = closed_each_day(disbursed(), FIRST_DUE, date(2026, 7, 1))
    moves, group = [], 1
    for event in events:
        if isinstance(event, ev.ArrearsChanged) and event.debt_group != group:
            moves.append((event.days_past_due, event.debt_group))
            group = event.debt_group
    assert moves == [(10, 2), (91, 3), (181, 4), (361, 5)]


def test_a_repayment_clearing_the_overdue_principal_brings_the_loan_back_in_order_at_the_next_close() -> None:
    overdue, _ = closed_each_day(disbursed(), FIRST_DUE, date(2025, 7, 20))
    assert overdue.arrears is not None and overdue.arrears.debt_group == 2
    paid, _ = step(overdue, repay("p1", date(2025, 7, 21), 2_000_000))
    assert paid is not None and arrears_on(paid, date(2025, 7, 21)).overdue_principal == 0
    back, events = closed(paid, date(2025, 7, 21))
    assert events[0] == ev.ArrearsChanged(as_of=date(2025, 7, 21), overdue_principal=0, overdue_since=None,
                                          days_past_due=0, debt_group=1, overdue_rate=Decimal("0.0858"))
    assert closed(back, date(2025, 7, 22))[1] == []


def test_interest_a_repayment_carried_to_its_day_is_posted_by_the_next_close() -> None:
    overdue, before = closed_each_day(disbursed(), FIRST_DUE, date(2025, 7, 10))
    paid, _ = step(overdue, repay("p1", date(2025, 7, 12), 2_000_000))  # 11 and 12 July accrued by the payment
    assert paid is not None
    _, after = closed(paid, date(2025, 7, 12))
    assert posted(before + after) == half_up(Fraction(11_000_000) * OVERDUE_RATE / 365)


def test_a_day_before_the_last_repayment_records_nothing() -> None:
    paid, _ = step(disbursed(), repay("p1", date(2025, 7, 12), 100))
    assert paid is not None and close_day(paid, date(2025, 7, 11)) == []


def test_only_a_disbursed_loan_is_closed() -> None:
    assert close_day(approved(), date(2025, 8, 1)) == []
    written_off, _ = step(disbursed(), cmd.WriteOffLoan(date(2025, 7, 5), "borrower died", "supervisor"))
    assert written_off is not None and close_day(written_off, date(2025, 8, 1)) == []
    settled, _ = step(disbursed(), repay("p1", date(2025, 6, 10), 13_000_000))
    assert settled is not None and close_day(settled, date(2026, 8, 1)) == []


def test_end_of_day_events_read_back_from_their_json_and_replay_to_the_loan_closed() -> None:
    loan, history = run([cmd.ApplyForLoan(small_loan_application(), "officer"), approve(), disburse()])
    loan, closes = closed_each_day(loan, FIRST_DUE, date(2025, 7, 12))
    loan, repaid = step(loan, repay("p1", date(2025, 7, 13), 2_000_000))
    assert loan is not None
    loan, back = closed(loan, date(2025, 7, 13))
    events = [*history, *closes, *repaid, *back]
    assert {type(event) for event in back} == {ev.ArrearsChanged, ev.OverdueInterestPosted}
    assert all(FACTS[event.type_name()].model_validate_json(event.model_dump_json()) == event for event in events)
    assert replay(events) == loan


def test_a_repayment_dated_before_the_last_day_whose_overdue_interest_was_posted_is_refused() -> None:
    closed_loan, _ = closed(disbursed(), date(2025, 7, 10))
    with pytest.raises(LoanRuleViolation, match="end of day") as refused:
        step(closed_loan, repay("p1", date(2025, 7, 9), 100))
    assert refused.value.field == "paid_on"
    assert step(closed_loan, repay("p1", date(2025, 7, 10), 100))[1]


def test_a_loan_closed_and_cured_reads_back_from_the_state_column_with_its_arrears_and_postings() -> None:
    overdue, _ = closed_each_day(disbursed(), FIRST_DUE, date(2025, 8, 20))
    cured, _ = step(overdue, repay("p1", date(2025, 8, 21), 3_000_000))
    assert cured is not None
    for loan in (overdue, cured):
        record = LoanRecord(uuid4(), PERSON, loan)
        assert state_of(state_json(record), loan.version) == record
    assert overdue.arrears is not None and overdue.arrears.overdue_since == date(2025, 7, 2)
    assert overdue.overdue_interest_posted > 0
