"""A loan as its events leave it: evolve(loan, event) -> loan, replay(events) -> loan."""

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import reduce

from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.applications import Application
from hoanhap_credit.domain.arrears import Arrears
from hoanhap_credit.domain.schedule_dates import RepaymentPlan
from hoanhap_credit.domain.schedule_terms import Extension, LoanTerms, Tranche


class LoanStatus(StrEnum):
    """Where a loan stands."""

    APPLIED = "applied"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    APPROVED = "approved"
    DISBURSED = "disbursed"
    SETTLED = "settled"
    WRITTEN_OFF = "written_off"


@dataclass(frozen=True)
class Approval:
    """What the bank granted."""

    approved_on: date
    amount: int
    term_months: int
    plan: RepaymentPlan
    secured: bool


@dataclass(frozen=True)
class Paid:
    """What the borrower has paid so far, by part, in VND; principal counts overdue, due and in advance alike."""

    overdue_interest: int = 0
    interest: int = 0
    principal: int = 0


@dataclass(frozen=True)
class Loan:
    """Everything the rules and "what is owed on day D" need about one loan.

    overdue_interest_accrued is the exact overdue interest accrued up to and including accrued_through (None: none
    accrued yet), kept unrounded for the end-of-day job (interest_overdue.posting). principal_repaid keeps each
    payment's principal with its day, for interest on the balance actually outstanding (loan_interest).
    arrears are the loan's arrears as last recorded (None: never recorded, in order); overdue_interest_posted is the
    overdue interest the end of day has posted so far (VND), so each posting is the rounded exact total less it."""

    application: Application
    status: LoanStatus = LoanStatus.APPLIED
    approval: Approval | None = None
    annual_rate: Decimal | None = None
    tranches: tuple[Tranche, ...] = ()
    extensions: tuple[Extension, ...] = ()
    payments: dict[str, int] = field(default_factory=dict)
    paid: Paid = Paid()
    principal_repaid: tuple[tuple[date, int], ...] = ()
    overdue_interest_accrued: Fraction = Fraction(0)
    accrued_through: date | None = None
    version: int = 0
    arrears: Arrears | None = None
    overdue_interest_posted: int = 0

    @property
    def disbursed(self) -> int:
        """The principal paid out so far (VND)."""
        return sum(tranche.amount for tranche in self.tranches)

    @property
    def terms(self) -> LoanTerms:
        """The schedule's terms; only once the first tranche has fixed the rate."""
        assert self.approval is not None and self.annual_rate is not None, "terms before the first disbursement"
        return LoanTerms(self.annual_rate, self.approval.term_months, self.approval.plan)


def evolve(loan: Loan | None, event: ev.LoanFact) -> Loan:
    """The loan after one more event; its version counts the events."""
    if isinstance(event, ev.LoanApplied):
        return Loan(application=event.application, version=1)
    assert loan is not None, f"{event.type_name()} before the application"
    return replace(changed_by(loan, event), version=loan.version + 1)


def changed_by(loan: Loan, event: ev.LoanFact) -> Loan:
    """The loan's fields an event other than the application changes."""
    match event:
        case ev.LoanRejected():
            return replace(loan, status=LoanStatus.REJECTED)
        case ev.ApplicationWithdrawn():
            return replace(loan, status=LoanStatus.WITHDRAWN)
        case ev.LoanApproved():
            approval = Approval(event.approved_on, event.amount, event.term_months, event.plan, event.secured)
            return replace(loan, status=LoanStatus.APPROVED, approval=approval)
        case ev.TrancheDisbursed():
            return replace(loan, status=LoanStatus.DISBURSED, annual_rate=event.annual_rate,
                           tranches=(*loan.tranches, Tranche(event.disbursed_on, event.amount)))
        case ev.RepaymentReceived():
            return repaid(loan, event)
        case ev.InstalmentExtended():
            return replace(loan, extensions=(*loan.extensions, Extension(event.instalment, event.due_on,
                                                                         event.reason)))
        case ev.LoanSettled():
            return replace(loan, status=LoanStatus.SETTLED)
        case ev.LoanWrittenOff():
            return replace(loan, status=LoanStatus.WRITTEN_OFF)
        case ev.ArrearsChanged():
            return replace(loan, arrears=Arrears(event.as_of, event.overdue_principal, event.overdue_since,
                                                 event.days_past_due, event.debt_group))
        case ev.OverdueInterestPosted():
            return replace(loan, overdue_interest_posted=loan.overdue_interest_posted + event.amount,
                           overdue_interest_accrued=Fraction(event.overdue_interest_accrued),
                           accrued_through=event.posted_on)
    return loan


def repaid(loan: Loan, event: ev.RepaymentReceived) -> Loan:
    """A payment added to what was paid, its id remembered, the overdue interest accrued carried to its day."""
    principal = event.overdue_principal + event.principal_due + event.in_advance
    paid = Paid(loan.paid.overdue_interest + event.overdue_interest, loan.paid.interest + event.interest_due,
                loan.paid.principal + principal)
    return replace(loan, paid=paid, payments={**loan.payments, event.payment_id: event.amount},
                   principal_repaid=(*loan.principal_repaid, (event.paid_on, principal)),
                   overdue_interest_accrued=Fraction(event.overdue_interest_accrued), accrued_through=event.paid_on)


def replay(events: list[ev.LoanFact]) -> Loan | None:
    """The loan these events make (None before the application)."""
    return reduce(evolve, events, None)
