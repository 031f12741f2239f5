"""Superseded versions of credit's events, kept so that messages of those versions can still be read (and upcast
to the newest, see hoanhap.contracts.versions.known_events). No released credit service ever sent them: they were
the contract before the service was built."""

from datetime import date
from typing import ClassVar, Self

from pydantic import Field, model_validator

from hoanhap.contracts.credit.borrowers import BusinessBorrower
from hoanhap.contracts.credit.choices import LoanPurpose, LoanRule
from hoanhap.contracts.credit.events import CreditEvent
from hoanhap.contracts.integration_event import ContractModel
from hoanhap.contracts.values import (
    CommuneCode,
    InterestRateBasisPoints,
    Money,
    MonthCount,
    PersonId,
    PositiveCount,
    ProvinceCode,
)


class BusinessWorkforceV1(ContractModel):
    """Version 1 listed the eligible workers' person ids; version 2 counts them."""

    total_workers: PositiveCount
    eligible_worker_ids: tuple[PersonId, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def eligible_workers_are_among_all_workers(self) -> Self:
        """There cannot be more eligible workers than workers."""
        if len(self.eligible_worker_ids) > self.total_workers:
            raise ValueError(f"eligible_worker_ids lists {len(self.eligible_worker_ids)} people "
                             f"but total_workers is {self.total_workers}")
        return self


class LoanAppliedV1(CreditEvent):
    """Version 1 named no agent organisation and listed a business's eligible workers."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanApplied"
    schema_version: ClassVar[int] = 1
    purpose: LoanPurpose
    amount_requested: Money
    term_months: PositiveCount
    course_months: MonthCount | None = None
    workforce: BusinessWorkforceV1 | None = None
    province_code: ProvinceCode
    commune_code: CommuneCode
    applied_on: date

    @model_validator(mode="after")
    def workforce_fits_borrower(self) -> Self:
        """Business borrowers give their workforce."""
        if isinstance(self.borrower, BusinessBorrower) != (self.workforce is not None):
            raise ValueError("workforce is given for business borrowers and only for them")
        return self


class LoanRejectedV1(CreditEvent):
    """Version 1 named one failed rule, with its words."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanRejected"
    schema_version: ClassVar[int] = 1
    failed_rule: LoanRule
    explanation: str = Field(min_length=1, max_length=500)
    rejected_on: date


class LoanOverdueV1(CreditEvent):
    """Version 1 was sent when a repayment fell overdue, never when the loan was back in order."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanOverdue"
    schema_version: ClassVar[int] = 1
    overdue_principal: Money
    overdue_since: date
    overdue_interest_rate_bp: InterestRateBasisPoints
