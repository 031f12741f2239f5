"""Repayments: allocated in the order overdue interest, interest due, overdue principal, principal due, in advance;
idempotent by payment id; the loan settled once nothing is owed."""

from datetime import date, timedelta
from fractions import Fraction

import pytest

from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_errors import LoanConflict, LoanRuleViolation
from hoanhap_credit.domain.loan_owed import overdue_interest_accrued, owed_on
from hoanhap_credit.domain.loan_state import LoanStatus
from hoanhap_credit.domain.repayment_allocation import Owed
from tests.unit.credit.credit_loans import FIRST_DISBURSED_ON, approved, disburse, disbursed, repay, step

LATE = date(2025, 7, 3)  # two days after the first due day: 470 of overdue interest (470.14 exact)
OWED_LATE = 470 + 65_096 + 1_000_000
# a payoff on LATE also owes the interest accrued from 1 July (counted) to 3 July (not counted) on the 11,000,000 not
# overdue: 11,000,000 x 6.6% x 2/365 = 3,978.08 -> 3,978
PAYOFF_LATE = OWED_LATE + 3_978 + 11_000_000


def received(events: list[ev.LoanFact]) -> ev.RepaymentReceived:
    assert isinstance(events[0], ev.RepaymentReceived)
    return events[0]


def test_a_late_payment_pays_overdue_interest_then_interest_then_overdue_principal() -> None:
    loan, events = step(disbursed(), repay("p1", LATE, OWED_LATE))
    share = received(events)
    assert (share.overdue_interest, share.interest_due, share.overdue_principal, share.principal_due,
            share.in_advance, share.remainder) == (470, 65_096, 1_000_000, 0, 0, 0)
    assert loan is not None and owed_on(loan, LATE) == Owed(0, 0, 0, 0, 11_000_000)


def test_a_short_payment_stops_where_the_money_runs_out() -> None:
    share = received(step(disbursed(), repay("p1", LATE, 50_000))[1])
    assert (share.overdue_interest, share.interest_due, share.overdue_principal) == (470, 49_530, 0)


def test_money_beyond_what_is_due_is_principal_paid_in_advance() -> None:
    loan, events = step(disbursed(), repay("p1", date(2025, 7, 1), 65_096 + 1_000_000 + 500_000))
    share = received(events)
    assert (share.principal_due, share.in_advance) == (1_000_000, 500_000)
    assert loan is not None and owed_on(loan, date(2025, 8, 1)).principal_due == 500_000


def test_a_payment_carries_the_exact_overdue_interest_accrued_to_its_day() -> None:
    loan, _ = step(disbursed(), repay("p1", LATE, 50_000))
    assert loan is not None and loan.accrued_through == LATE
    assert loan.overdue_interest_accrued == overdue_interest_accrued(disbursed(), LATE)
    assert loan.overdue_interest_accrued == Fraction(1_000_000 * 858 * 2, 10_000 * 365)


def test_the_same_payment_id_twice_applies_once() -> None:
    loan, _ = step(disbursed(), repay("p1", LATE, 50_000))
    again, events = step(loan, repay("p1", LATE, 50_000))
    assert events == [] and again == loan


def test_the_same_payment_id_with_another_amount_is_refused() -> None:
    loan, _ = step(disbursed(), repay("p1", LATE, 50_000))
    with pytest.raises(LoanRuleViolation) as refused:
        step(loan, repay("p1", LATE, 50_001))
    assert refused.value.field == "amount"


def test_a_payment_before_the_last_one_or_the_disbursement_is_refused() -> None:
    loan, _ = step(disbursed(), repay("p1", LATE, 50_000))
    step(loan, repay("p2", LATE, 1))
    with pytest.raises(LoanRuleViolation) as after_payment:
        step(loan, repay("p2", LATE - timedelta(days=1), 1))
    assert after_payment.value.field == "paid_on"
    assert after_payment.value.message == (f"{LATE - timedelta(days=1)} is before the last repayment or end of day "
                                           f"({LATE})")
    step(disbursed(), repay("p1", FIRST_DISBURSED_ON, 1))
    with pytest.raises(LoanRuleViolation) as before_disbursement:
        step(disbursed(), repay("p1", FIRST_DISBURSED_ON - timedelta(days=1), 1))
    assert before_disbursement.value.field == "paid_on"


def test_no_repayment_before_money_is_paid_out_nor_of_nothing() -> None:
    with pytest.raises(LoanConflict, match="approved"):
        step(approved(), repay("p1", LATE, 1))
    with pytest.raises(LoanRuleViolation) as refused:
        step(disbursed(), repay("p1", LATE, 0))
    assert refused.value.field == "amount"


def test_the_loan_is_settled_when_nothing_is_owed_and_the_surplus_handed_back() -> None:
    loan, events = step(disbursed(), repay("p1", LATE, PAYOFF_LATE + 7))
    assert [type(e) for e in events] == [ev.RepaymentReceived, ev.LoanSettled]
    assert received(events).remainder == 7
    assert loan is not None and loan.status is LoanStatus.SETTLED


def test_one_dong_short_leaves_the_loan_open() -> None:
    loan, events = step(disbursed(), repay("p1", LATE, PAYOFF_LATE - 1))
    assert [type(e) for e in events] == [ev.RepaymentReceived]
    assert loan is not None and loan.status is LoanStatus.DISBURSED


def test_nothing_is_recorded_after_settlement_but_a_repeated_payment_changes_nothing() -> None:
    settled, _ = step(disbursed(), repay("p1", LATE, PAYOFF_LATE))
    assert settled is not None
    assert step(settled, repay("p1", LATE, PAYOFF_LATE))[1] == []
    with pytest.raises(LoanConflict, match="settled"):
        step(settled, repay("p2", LATE, 1))
    with pytest.raises(LoanConflict, match="settled"):
        step(settled, disburse(1, LATE))
