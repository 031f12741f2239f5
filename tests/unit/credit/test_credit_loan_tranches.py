"""Disbursement in one or several tranches: never above the approved amount; the first fixes the loan's rate."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_decide import decide
from hoanhap_credit.domain.loan_errors import LoanConflict, LoanRuleViolation
from hoanhap_credit.domain.loan_state import LoanStatus
from hoanhap_credit.domain.rates import RateInForce, RateTable
from tests.unit.credit.credit_end_of_day import closed_each_day
from tests.unit.credit.credit_loans import (
    APPROVED_ON,
    FIRST_DISBURSED_ON,
    applied,
    approved,
    disburse,
    disbursed,
    repay,
    step,
)


def test_the_whole_loan_may_be_paid_out_at_once() -> None:
    loan, events = step(approved(), disburse(12_000_000))
    assert isinstance(events[0], ev.TrancheDisbursed) and events[0].annual_rate == Decimal("0.066")
    assert loan is not None and loan.status is LoanStatus.DISBURSED and loan.disbursed == 12_000_000


def test_tranches_may_add_up_to_the_approved_amount_and_not_one_dong_more() -> None:
    loan, _ = step(approved(), disburse(5_000_000))
    loan, _ = step(loan, disburse(7_000_000, date(2025, 6, 15)))
    assert loan is not None and loan.disbursed == 12_000_000
    with pytest.raises(LoanRuleViolation) as refused:
        step(step(approved(), disburse(5_000_000))[0], disburse(7_000_001, date(2025, 6, 15)))
    assert refused.value.field == "amount"


def test_the_first_tranche_fixes_the_rate_and_later_tranches_keep_it() -> None:
    loan, _ = step(approved(), disburse(5_000_000))
    loan, events = step(loan, disburse(7_000_000, date(2025, 7, 15)))
    assert isinstance(events[0], ev.TrancheDisbursed) and events[0].annual_rate == Decimal("0.066")
    _, first_after_change = step(approved(), disburse(5_000_000, date(2025, 7, 1)))
    assert isinstance(first_after_change[0], ev.TrancheDisbursed)
    assert first_after_change[0].annual_rate == Decimal("0.069")


def test_a_tranche_before_the_approval_or_the_last_tranche_is_refused() -> None:
    step(approved(), disburse(5_000_000, APPROVED_ON))
    with pytest.raises(LoanRuleViolation) as before_approval:
        step(approved(), disburse(5_000_000, APPROVED_ON - timedelta(days=1)))
    assert before_approval.value.field == "disbursed_on"
    loan, _ = step(approved(), disburse(5_000_000))
    step(loan, disburse(1_000_000, FIRST_DISBURSED_ON))
    with pytest.raises(LoanRuleViolation) as before_last:
        step(loan, disburse(1_000_000, FIRST_DISBURSED_ON - timedelta(days=1)))
    assert before_last.value.field == "disbursed_on"


def test_a_tranche_on_the_last_due_day_is_refused_by_the_schedule() -> None:
    loan, _ = step(approved(), disburse(5_000_000))
    step(loan, disburse(1_000_000, date(2026, 5, 31)))
    with pytest.raises(LoanRuleViolation) as refused:
        step(loan, disburse(1_000_000, date(2026, 6, 1)))
    assert refused.value.field == "disbursed_on"


def test_a_first_tranche_with_no_rate_in_force_is_refused() -> None:
    late_rates = RateTable((RateInForce(date(2025, 6, 2), Decimal("0.066")),))
    decide(approved(), disburse(on=date(2025, 6, 2)), late_rates)
    with pytest.raises(LoanRuleViolation) as refused:
        decide(approved(), disburse(on=date(2025, 6, 1)), late_rates)
    assert refused.value.field == "disbursed_on"


def test_nothing_is_paid_out_before_approval_or_of_nothing() -> None:
    with pytest.raises(LoanConflict, match="applied"):
        step(applied(), disburse())
    with pytest.raises(LoanRuleViolation) as refused:
        step(approved(), disburse(0))
    assert refused.value.field == "amount"


def test_a_fully_paid_out_loan_takes_no_further_tranche() -> None:
    with pytest.raises(LoanRuleViolation) as refused:
        step(disbursed(), cmd.DisburseTranche(date(2025, 6, 2), 1, "officer"))
    assert refused.value.field == "amount"


def test_a_tranche_dated_before_the_last_repayment_or_end_of_day_is_refused_as_a_repayment_would_be() -> None:
    loan, _ = step(approved(), disburse(6_000_000))
    loan, _ = step(loan, repay("p1", date(2025, 7, 10), 100_000))
    with pytest.raises(LoanRuleViolation, match=r"^disbursed_on: 2025-07-09 is before the last repayment or end of "
                                                r"day \(2025-07-10\)$"):
        step(loan, disburse(1_000_000, date(2025, 7, 9)))
    closed_loan, _ = closed_each_day(step(approved(), disburse(6_000_000))[0], date(2025, 6, 1), date(2025, 8, 10))
    with pytest.raises(LoanRuleViolation) as after_end_of_day:
        step(closed_loan, disburse(6_000_000, date(2025, 6, 15)))
    assert after_end_of_day.value.field == "disbursed_on"
    step(closed_loan, disburse(6_000_000, date(2025, 8, 10)))


def test_a_payment_dated_before_a_later_tranche_is_refused_rather_than_repaying_money_not_yet_lent() -> None:
    loan, _ = step(approved(), disburse(500_000))
    loan, _ = step(loan, disburse(11_500_000, date(2025, 7, 7)))
    with pytest.raises(LoanRuleViolation, match=r"^paid_on: 2025-06-20 is before the last disbursement "
                                                r"\(2025-07-07\)$"):
        step(loan, repay("p1", date(2025, 6, 20), 580_646))
    after, events = step(loan, repay("p1", date(2025, 7, 7), 580_646))  # on the tranche's day it is taken
    assert after is not None and [type(event) for event in events] == [ev.RepaymentReceived]
