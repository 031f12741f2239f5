"""What can be asked of a loan, one stream per loan. Each command records the role of whoever asks (`by_role`):
who may do what (an officer applies and posts, a supervisor approves, rejects and writes off) is checked by the
service layer, not here."""

from dataclasses import dataclass
from datetime import date

from hoanhap_credit.domain.applications import Application
from hoanhap_credit.domain.schedule_dates import RepaymentPlan


@dataclass(frozen=True)
class ApplyForLoan:
    """A person's or a business's application, with its facts as known on the day it is made."""

    application: Application
    by_role: str


@dataclass(frozen=True)
class ApproveLoan:
    """What the bank grants: amount (VND), term, repayment plan and whether the loan is secured."""

    approved_on: date
    amount: int
    term_months: int
    plan: RepaymentPlan
    secured: bool
    by_role: str


@dataclass(frozen=True)
class RejectLoan:
    """A supervisor's refusal of an application that passed the rules, with the reason."""

    rejected_on: date
    reason: str
    by_role: str


@dataclass(frozen=True)
class WithdrawApplication:
    """The applicant gives up before any money is paid out."""

    withdrawn_on: date
    by_role: str


@dataclass(frozen=True)
class DisburseTranche:
    """One payment of the approved loan to the borrower (VND)."""

    disbursed_on: date
    amount: int
    by_role: str


@dataclass(frozen=True)
class RecordRepayment:
    """A payment received; `payment_id` makes it idempotent."""

    payment_id: str
    paid_on: date
    amount: int
    by_role: str


@dataclass(frozen=True)
class ExtendInstalment:
    """One principal instalment's due day moved later, with the reason the bank accepted (gia hạn); asked_on is the
    day it is asked (Vietnam's today), before which the new due day may not fall (None: not checked)."""

    instalment: int
    due_on: date
    reason: str
    by_role: str
    asked_on: date | None = None


@dataclass(frozen=True)
class WriteOffLoan:
    """What is owed is written off, with the reason (e.g. the borrower died, a natural disaster)."""

    written_off_on: date
    reason: str
    by_role: str


LoanCommand = (ApplyForLoan | ApproveLoan | RejectLoan | WithdrawApplication | DisburseTranche | RecordRepayment
               | ExtendInstalment | WriteOffLoan)
