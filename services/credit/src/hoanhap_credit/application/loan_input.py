"""What officers and supervisors ask of a loan, before its free text is sealed with the holder's key: each input
makes its domain command, by the caller's role."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain.schedule_dates import RepaymentPlan

Seal = Callable[[str], str]
"""Seals a free text with the key of the loan's borrower or business."""


@dataclass(frozen=True)
class ApprovalInput:
    approved_on: date
    amount: int
    term_months: int
    plan: RepaymentPlan
    secured: bool

    def command(self, seal: Seal, by_role: str) -> cmd.LoanCommand:
        """The approval (it holds no free text)."""
        return cmd.ApproveLoan(self.approved_on, self.amount, self.term_months, self.plan, self.secured, by_role)


@dataclass(frozen=True)
class RejectionInput:
    rejected_on: date
    reason: str

    def command(self, seal: Seal, by_role: str) -> cmd.LoanCommand:
        """The supervisor's refusal, its reason sealed."""
        return cmd.RejectLoan(self.rejected_on, seal(self.reason), by_role)


@dataclass(frozen=True)
class WithdrawalInput:
    withdrawn_on: date

    def command(self, seal: Seal, by_role: str) -> cmd.LoanCommand:
        """The applicant gives up."""
        return cmd.WithdrawApplication(self.withdrawn_on, by_role)


@dataclass(frozen=True)
class DisbursementInput:
    disbursed_on: date
    amount: int

    def command(self, seal: Seal, by_role: str) -> cmd.LoanCommand:
        """One tranche paid out."""
        return cmd.DisburseTranche(self.disbursed_on, self.amount, by_role)


@dataclass(frozen=True)
class RepaymentInput:
    payment_id: str
    paid_on: date
    amount: int

    def command(self, seal: Seal, by_role: str) -> cmd.LoanCommand:
        """A payment received (idempotent by its id)."""
        return cmd.RecordRepayment(self.payment_id, self.paid_on, self.amount, by_role)


@dataclass(frozen=True)
class ExtensionInput:
    instalment: int
    due_on: date
    reason: str
    asked_on: date

    def command(self, seal: Seal, by_role: str) -> cmd.LoanCommand:
        """An instalment's due day moved later, its reason sealed; not before the day it is asked."""
        return cmd.ExtendInstalment(self.instalment, self.due_on, seal(self.reason), by_role, self.asked_on)


@dataclass(frozen=True)
class WriteOffInput:
    written_off_on: date
    reason: str

    def command(self, seal: Seal, by_role: str) -> cmd.LoanCommand:
        """What is owed written off, its reason sealed."""
        return cmd.WriteOffLoan(self.written_off_on, seal(self.reason), by_role)


LoanChange = (ApprovalInput | RejectionInput | WithdrawalInput | DisbursementInput | RepaymentInput | ExtensionInput
              | WriteOffInput)
