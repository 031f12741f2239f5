"""What a loan owes on day D: principal due and overdue, interest due, and overdue interest accrued exactly, on the
loan of credit_loans (VND 12,000,000, 6.6%, VND 1,000,000 due on the 1st of each month from 1 July 2025)."""

from datetime import date
from fractions import Fraction

import pytest

from hoanhap_credit.domain.loan_errors import LoanRuleViolation
from hoanhap_credit.domain.loan_owed import overdue_interest_accrued, owed_on
from hoanhap_credit.domain.repayment_allocation import Owed
from tests.unit.credit.credit_loans import approved, disbursed, repay, step

FIRST_INTEREST = 65_096  # 12,000,000 x 6.6% x 30/365 = 65,095.89, half up
OVERDUE_DAY = Fraction(1_000_000) * Fraction(858, 10_000) / 365  # 130% of 6.6% on VND 1,000,000 for one day


def test_nothing_is_owed_before_money_is_paid_out() -> None:
    assert owed_on(approved(), date(2025, 7, 1)) == Owed(0, 0, 0, 0, 0)


def test_before_the_first_due_day_only_principal_not_yet_due_is_owed() -> None:
    assert owed_on(disbursed(), date(2025, 6, 30)) == Owed(0, 0, 0, 0, 12_000_000)


def test_on_the_due_day_the_instalment_and_the_months_interest_are_due_not_overdue() -> None:
    assert owed_on(disbursed(), date(2025, 7, 1)) == Owed(0, FIRST_INTEREST, 0, 1_000_000, 11_000_000)


def test_the_day_after_the_due_day_the_unpaid_instalment_is_overdue_and_earns_overdue_interest() -> None:
    loan = disbursed()
    assert overdue_interest_accrued(loan, date(2025, 7, 1)) == 0
    assert overdue_interest_accrued(loan, date(2025, 7, 2)) == OVERDUE_DAY
    assert owed_on(loan, date(2025, 7, 2)) == Owed(235, FIRST_INTEREST, 1_000_000, 0, 11_000_000)


def test_overdue_interest_grows_with_each_instalment_fallen_overdue() -> None:
    # 31 days (2 July to 1 August) on 1,000,000; from 2 August the second instalment too, 2,000,000
    accrued = overdue_interest_accrued(disbursed(), date(2025, 8, 2))
    assert accrued == OVERDUE_DAY * 31 + OVERDUE_DAY * 2
    assert owed_on(disbursed(), date(2025, 8, 2)).overdue_principal == 2_000_000


def test_interest_due_adds_up_the_months_fallen_due_and_unpaid() -> None:
    # July 1 to August 1: 11,000,000 x 6.6% x 31/365 = 61,660.27 -> 61,660
    assert owed_on(disbursed(), date(2025, 8, 1)).interest_due == FIRST_INTEREST + 61_660


def test_what_is_owed_is_answered_from_the_last_repayment_day_on() -> None:
    loan, _ = step(disbursed(), repay("p1", date(2025, 7, 3), 50_000))
    assert loan is not None
    assert owed_on(loan, date(2025, 7, 3)).interest_due == FIRST_INTEREST + 470 - 50_000
    with pytest.raises(LoanRuleViolation) as refused:
        owed_on(loan, date(2025, 7, 2))
    assert refused.value.field == "day"
