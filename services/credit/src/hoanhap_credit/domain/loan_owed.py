"""What a loan owes on day D (issue 14 items 6 and 8), from its schedule and what was paid.

Principal paid goes to the earliest instalments first, whatever part of a payment it came from, so an instalment is
overdue from the day after its due day (interest_overdue.overdue_from) until enough principal has been paid to cover
it and every earlier one. Interest due is the monthly interest fallen due by D on the principal actually outstanding
(loan_interest), less interest paid; a payoff owes, besides, the interest accrued since the last interest due day.
Overdue interest is accrued exactly (a Fraction, never rounded here) day by day on the principal overdue that day;
what is owed of it is the rounded total less what was paid, the same đồng the end-of-day job's postings add up to."""

from dataclasses import replace
from datetime import date, timedelta
from fractions import Fraction

from hoanhap_credit.domain.interest_overdue import overdue_from, overdue_interest_between
from hoanhap_credit.domain.interest_rounding import round_half_up
from hoanhap_credit.domain.loan_errors import LoanRuleViolation
from hoanhap_credit.domain.loan_interest import interest_fallen_due, interest_to_pay_off
from hoanhap_credit.domain.loan_state import Loan
from hoanhap_credit.domain.repayment_allocation import Owed
from hoanhap_credit.domain.schedule_principal import principal_instalments
from hoanhap_credit.domain.schedule_terms import PrincipalDue

NOTHING_OWED = Owed(0, 0, 0, 0, 0)


def principal_fallen_due(dues: list[PrincipalDue], before: date) -> int:
    """The scheduled principal with a due day before `before`."""
    return sum(due.amount for due in dues if due.due_on < before)


def overdue_principal_on(loan: Loan, dues: list[PrincipalDue], day: date) -> int:
    """The principal overdue on `day`: fallen due before it and not covered by the principal paid."""
    return max(principal_fallen_due(dues, day) - loan.paid.principal, 0)


def overdue_interest_accrued(loan: Loan, day: date) -> Fraction:
    """The exact overdue interest accrued up to and including `day`: what the loan carries, plus each later day's
    accrual on the principal overdue that day (constant between the days after due days)."""
    if not loan.tranches:
        return Fraction(0)
    dues = principal_instalments(loan.terms, loan.tranches, loan.extensions)
    start = (loan.accrued_through + timedelta(days=1) if loan.accrued_through is not None
             else min(t.disbursed_on for t in loan.tranches))
    if day < start:
        return loan.overdue_interest_accrued
    cuts = sorted({start, *(overdue_from(due.due_on) for due in dues if start < overdue_from(due.due_on) <= day)})
    accrued = loan.overdue_interest_accrued
    for first, after_last in zip(cuts, [*cuts[1:], day + timedelta(days=1)], strict=True):
        principal = overdue_principal_on(loan, dues, first)
        accrued += overdue_interest_between(principal, loan.terms.annual_rate, first, after_last - timedelta(days=1))
    return accrued


def owed_on(loan: Loan, day: date) -> Owed:
    """What the loan owes on `day`, by part, in VND (nothing before the first disbursement). The day is the last
    repayment's or later: the state keeps what was paid, not when, so an earlier day cannot be answered."""
    if loan.accrued_through is not None and day < loan.accrued_through:
        raise LoanRuleViolation("day", f"{day} is before the last repayment or end of day ({loan.accrued_through})")
    if not loan.tranches:
        return NOTHING_OWED
    dues = principal_instalments(loan.terms, loan.tranches, loan.extensions)
    overdue = overdue_principal_on(loan, dues, day)
    due_by_day = max(principal_fallen_due(dues, day + timedelta(days=1)) - loan.paid.principal, 0)
    overdue_interest = round_half_up(overdue_interest_accrued(loan, day)) - loan.paid.overdue_interest
    return Owed(overdue_interest=max(overdue_interest, 0),
                interest_due=max(interest_fallen_due(loan, day) - loan.paid.interest, 0),
                overdue_principal=overdue, principal_due=due_by_day - overdue,
                principal_not_due=loan.disbursed - loan.paid.principal - due_by_day)


def payoff_owed_on(loan: Loan, day: date) -> Owed:
    """What settles the loan on `day`: everything owed_on, all principal, and as interest due also the interest
    accrued since the last interest due day up to `day`, not counted (loan_interest.interest_to_pay_off)."""
    owed = owed_on(loan, day)
    return replace(owed, interest_due=max(interest_to_pay_off(loan, day) - loan.paid.interest, 0))
