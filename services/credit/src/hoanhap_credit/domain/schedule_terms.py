"""What a schedule is built from: the loan's terms, its tranches (disbursements) and extensions of instalments."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hoanhap_credit.domain.schedule_dates import RepaymentPlan
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation


@dataclass(frozen=True)
class LoanTerms:
    """The approved price and shape: the loan's annual rate (see rates.loan_rate), term in months and plan."""

    annual_rate: Decimal
    term_months: int
    plan: RepaymentPlan


@dataclass(frozen=True)
class Tranche:
    """One disbursement: its day and amount in VND."""

    disbursed_on: date
    amount: int

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise ScheduleRuleViolation("amount", f"a tranche of {self.amount} VND is not a disbursement")


@dataclass(frozen=True)
class Extension:
    """A principal instalment's due day moved later (gia hạn), with the reason the bank accepted."""

    instalment: int
    due_on: date
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ScheduleRuleViolation("reason", f"the extension of instalment {self.instalment} needs a reason")


@dataclass(frozen=True)
class PrincipalDue:
    """A principal instalment: its number (from 1), due day (after any extension) and amount in VND."""

    number: int
    due_on: date
    amount: int
