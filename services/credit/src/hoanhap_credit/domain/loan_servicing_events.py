"""The loan's internal events once money is paid out: tranches, repayments, extensions, the end of day's arrears
and overdue interest, and how the loan ends."""

from datetime import date
from decimal import Decimal

from hoanhap_credit.domain.loan_fact import LoanFact


class TrancheDisbursed(LoanFact):
    """Money paid out; annual_rate is the loan's rate, fixed by the first tranche and repeated on the others."""

    disbursed_on: date
    amount: int
    annual_rate: Decimal
    final_due_on: date
    """The schedule's last principal due day once this tranche is paid out."""
    by_role: str


class RepaymentReceived(LoanFact):
    """A payment and how it was allocated (VND); the remainder is handed back. overdue_interest_accrued is the exact
    overdue interest accrued up to and including paid_on, as a fraction "n/d", so accrual goes on from there."""

    payment_id: str
    paid_on: date
    amount: int
    overdue_interest: int
    interest_due: int
    overdue_principal: int
    principal_due: int
    in_advance: int
    remainder: int
    overdue_interest_accrued: str
    outstanding_principal: int
    """The principal still owed once this payment is applied (VND)."""
    by_role: str


class InstalmentExtended(LoanFact):
    """A principal instalment's due day moved later, with the reason."""

    instalment: int
    due_on: date
    reason: str
    by_role: str


class LoanSettled(LoanFact):
    """Nothing is owed any more: the loan is closed."""

    settled_on: date
    principal_repaid: int
    interest_paid: int
    """Interest and overdue interest paid over the loan's life (VND)."""


class LoanWrittenOff(LoanFact):
    """What was owed is written off, with the reason: the loan is closed."""

    written_off_on: date
    reason: str
    principal_written_off: int
    interest_written_off: int
    """Interest and overdue interest fallen due and unpaid on the day (VND)."""
    by_role: str


class ArrearsChanged(LoanFact):
    """The loan's arrears on a day (loan_arrears.arrears_on), recorded whenever its overdue principal or its debt
    group differs from those last recorded; overdue principal 0 in the first group is a loan back in order. What
    stats is told, as contract event LoanOverdue, with overdue_rate: the loan's overdue interest rate a year (130%
    of its rate, rates.overdue_rate)."""

    as_of: date
    overdue_principal: int
    overdue_since: date | None
    days_past_due: int
    debt_group: int
    overdue_rate: Decimal


class OverdueInterestPosted(LoanFact):
    """Overdue interest posted by the end of day, in whole đồng: the exact overdue interest accrued up to and including
    posted_on, rounded (interest_rounding.round_half_up), less all that was posted before, so the postings always add
    up to the rounded exact total. overdue_interest_accrued is that exact total, "n/d", so accrual goes on from
    there."""

    posted_on: date
    amount: int
    overdue_interest_accrued: str
