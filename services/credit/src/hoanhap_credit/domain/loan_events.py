"""The loan's internal events: what credit's event store records about one loan, oldest first. The application and
the decision on it are here, the servicing events in loan_servicing_events.py; FACTS names them all."""

from datetime import date
from decimal import Decimal

from hoanhap_credit.domain.applications import Application
from hoanhap_credit.domain.eligibility_failures import Failure
from hoanhap_credit.domain.loan_fact import LoanFact
from hoanhap_credit.domain.loan_servicing_events import (
    ArrearsChanged,
    InstalmentExtended,
    LoanSettled,
    LoanWrittenOff,
    OverdueInterestPosted,
    RepaymentReceived,
    TrancheDisbursed,
)
from hoanhap_credit.domain.schedule_dates import RepaymentPlan

__all__ = [
    "FACTS",
    "ApplicationWithdrawn",
    "LoanApplied",
    "LoanApproved",
    "LoanFact",
    "LoanRejected",
    "ArrearsChanged",
    "InstalmentExtended",
    "LoanSettled",
    "LoanWrittenOff",
    "OverdueInterestPosted",
    "RepaymentReceived",
    "TrancheDisbursed",
]


class LoanApplied(LoanFact):
    """An application was received, with its facts."""

    application: Application
    by_role: str


class LoanRejected(LoanFact):
    """The application was refused: by the rules (every failure listed) or by a supervisor (the reason given)."""

    rejected_on: date
    failures: tuple[Failure, ...] = ()
    reason: str | None = None
    by_role: str


class LoanApproved(LoanFact):
    """The bank granted the loan; quoted_rate is the rate in force on the day of approval, for the borrower's
    information: the loan's own rate is fixed by its first disbursement."""

    approved_on: date
    amount: int
    term_months: int
    plan: RepaymentPlan
    secured: bool
    quoted_rate: Decimal
    by_role: str


class ApplicationWithdrawn(LoanFact):
    """The applicant gave up before any money was paid out."""

    withdrawn_on: date
    by_role: str


FACTS: dict[str, type[LoanFact]] = {fact.type_name(): fact for fact in (
    LoanApplied, LoanRejected, LoanApproved, ApplicationWithdrawn, TrancheDisbursed, RepaymentReceived,
    InstalmentExtended, LoanSettled, LoanWrittenOff, ArrearsChanged, OverdueInterestPosted)}
