"""A loan as stats keeps it: its row (the latest state) and its day (the state it ended a day in, kept for every day
it changed, so figures can be read as they stood on a past day). How each event changes it is in lifecycle.py.
Money is whole VND."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

import hoanhap.contracts as c


class LoanStatus(StrEnum):
    """Where a loan is in its life."""

    APPLIED = "applied"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    DISBURSED = "disbursed"
    OVERDUE = "overdue"
    SETTLED = "settled"
    WRITTEN_OFF = "written_off"


OUTSTANDING = frozenset({LoanStatus.DISBURSED, LoanStatus.OVERDUE})
"""Paid out and not yet ended: the loans whose principal is outstanding."""
UNDECIDED = frozenset({LoanStatus.APPLIED, LoanStatus.APPROVED})
"""Applied for, no money paid out yet: a decision or a withdrawal may still come."""


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
    agent_organisation: str | None = None
    approved_on: date | None = None
    rejected_on: date | None = None
    withdrawn_on: date | None = None
    written_off_on: date | None = None
    principal_written_off_vnd: int = 0
    days_past_due: int = 0
    debt_group: int | None = None
    changed_on: date | None = None


@dataclass(frozen=True, slots=True)
class LoanDay:
    """A loan's state at the end of a day it changed on: its status, what was paid out and repaid by then in all,
    and its outstanding and overdue principal and debt group that day."""

    loan_id: UUID
    on_day: date
    status: LoanStatus
    disbursed_vnd: int
    repaid_principal_vnd: int
    outstanding_principal_vnd: int
    overdue_principal_vnd: int
    debt_group: int | None


def applied(event: c.CreditEvent) -> LoanRow | None:
    """A new loan's row from its application; None for any other first event."""
    if not isinstance(event, c.LoanApplied):
        return None
    borrower = event.borrower
    return LoanRow(
        event.loan_id, event.province_code, event.commune_code, event.purpose.value, borrower.kind,
        person_id=borrower.person_id if isinstance(borrower, c.IndividualBorrower) else None,
        business_type=borrower.business_type.value if isinstance(borrower, c.BusinessBorrower) else None,
        status=LoanStatus.APPLIED, amount_requested_vnd=event.amount_requested, applied_on=event.applied_on,
        agent_organisation=event.agent_organisation.value if event.agent_organisation else None,
        changed_on=event.applied_on)


def day_of(loan: LoanRow) -> LoanDay:
    """The loan's state as it ends the day of its latest change (the day it was applied for, at first)."""
    return LoanDay(loan.loan_id, loan.changed_on or loan.applied_on, loan.status, loan.disbursed_vnd,
                   loan.repaid_principal_vnd, loan.outstanding_principal_vnd, loan.overdue_principal_vnd,
                   loan.debt_group)
