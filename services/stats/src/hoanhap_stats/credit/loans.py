"""A loan as stats keeps it, and how each of its events changes it.

A loan's status follows its events: applied, then approved or rejected, disbursed, overdue while a repayment is
late, and settled. The bank sends no "overdue cured" event, so a repayment pays the overdue principal first (as
the bank books it) and the loan is back to disbursed once nothing is overdue. Money is whole VND.
"""

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from uuid import UUID

import hoanhap.contracts as c


class LoanStatus(StrEnum):
    """Where a loan is in its life."""

    APPLIED = "applied"
    APPROVED = "approved"
    REJECTED = "rejected"
    DISBURSED = "disbursed"
    OVERDUE = "overdue"
    SETTLED = "settled"


OUTSTANDING = frozenset({LoanStatus.DISBURSED, LoanStatus.OVERDUE})


@dataclass(frozen=True, slots=True)
class LoanRow:
    """A loan as its read-model row holds it; money in whole VND."""

    loan_id: UUID
    province_code: str
    commune_code: str
    purpose: str
    borrower_kind: str
    person_id: UUID | None
    business_type: str | None
    status: LoanStatus
    amount_requested_vnd: int
    applied_on: date
    amount_approved_vnd: int | None = None
    disbursed_vnd: int = 0
    repaid_principal_vnd: int = 0
    outstanding_principal_vnd: int = 0
    overdue_principal_vnd: int = 0
    decided_on: date | None = None
    first_disbursed_on: date | None = None
    final_due_on: date | None = None
    overdue_since: date | None = None
    settled_on: date | None = None


def applied(event: c.CreditEvent) -> LoanRow | None:
    """A new loan's row from its application; None for any other first event."""
    if not isinstance(event, c.LoanApplied):
        return None
    borrower = event.borrower
    return LoanRow(
        event.loan_id, event.province_code, event.commune_code, event.purpose.value, borrower.kind,
        person_id=borrower.person_id if isinstance(borrower, c.IndividualBorrower) else None,
        business_type=borrower.business_type.value if isinstance(borrower, c.BusinessBorrower) else None,
        status=LoanStatus.APPLIED, amount_requested_vnd=event.amount_requested, applied_on=event.applied_on)


def evolve(loan: LoanRow, event: c.CreditEvent) -> LoanRow:
    """The loan after one more of its events; a settled loan changes no more."""
    if loan.status is LoanStatus.SETTLED:
        return loan
    match event:
        case c.LoanApproved():
            return replace(loan, status=LoanStatus.APPROVED, amount_approved_vnd=event.approved_amount,
                           decided_on=event.approved_on)
        case c.LoanRejected():
            return replace(loan, status=LoanStatus.REJECTED, decided_on=event.rejected_on)
        case c.LoanDisbursed():
            return disbursed(loan, event)
        case c.RepaymentReceived():
            return repaid(loan, event)
        case c.LoanOverdue():
            status = LoanStatus.OVERDUE if event.overdue_principal else LoanStatus.DISBURSED
            return replace(loan, status=status, overdue_principal_vnd=event.overdue_principal,
                           overdue_since=event.overdue_since)
        case c.LoanSettled():
            return replace(loan, status=LoanStatus.SETTLED, repaid_principal_vnd=event.principal_repaid,
                           outstanding_principal_vnd=0, overdue_principal_vnd=0, overdue_since=None,
                           settled_on=event.settled_on)
    return loan


def disbursed(loan: LoanRow, event: c.LoanDisbursed) -> LoanRow:
    """A (further) payout: more disbursed and outstanding; an overdue loan stays overdue."""
    status = LoanStatus.OVERDUE if loan.status is LoanStatus.OVERDUE else LoanStatus.DISBURSED
    return replace(loan, status=status, disbursed_vnd=loan.disbursed_vnd + event.amount,
                   outstanding_principal_vnd=loan.outstanding_principal_vnd + event.amount,
                   first_disbursed_on=loan.first_disbursed_on or event.disbursed_on, final_due_on=event.final_due_on)


def repaid(loan: LoanRow, event: c.RepaymentReceived) -> LoanRow:
    """A repayment: the bank's outstanding principal, the overdue part paid first; cured once none is overdue."""
    overdue = min(max(loan.overdue_principal_vnd - event.principal, 0), event.outstanding_principal)
    cured = loan.status is LoanStatus.OVERDUE and overdue == 0
    return replace(loan, repaid_principal_vnd=loan.repaid_principal_vnd + event.principal,
                   outstanding_principal_vnd=event.outstanding_principal, overdue_principal_vnd=overdue,
                   status=LoanStatus.DISBURSED if cured else loan.status,
                   overdue_since=None if cured else loan.overdue_since)
