"""Integration events of the credit service (the bank): a loan's life from application to settlement."""

from datetime import date
from typing import ClassVar, Self
from uuid import UUID

from pydantic import Field, model_validator

from hoanhap.contracts.credit.borrowers import Borrower, BusinessBorrower, BusinessWorkforce
from hoanhap.contracts.credit.choices import LoanPurpose, LoanRule
from hoanhap.contracts.integration_event import IntegrationEvent
from hoanhap.contracts.services import Service
from hoanhap.contracts.values import (
    CommuneCode,
    InterestRateBasisPoints,
    Money,
    MonthCount,
    PositiveCount,
    ProvinceCode,
)


class CreditEvent(IntegrationEvent):
    """An event of the credit service; every one is about one loan and names its borrower."""

    service: ClassVar[Service] = Service.CREDIT
    loan_id: UUID
    borrower: Borrower


class LoanApplied(CreditEvent):
    """A person or a business applied for a loan."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanApplied"
    schema_version: ClassVar[int] = 1
    purpose: LoanPurpose
    amount_requested: Money
    term_months: PositiveCount
    course_months: MonthCount | None = Field(
        default=None, description="Length of the vocational course; given for training loans only"
    )
    workforce: BusinessWorkforce | None = Field(
        default=None, description="Given for business borrowers only"
    )
    province_code: ProvinceCode
    commune_code: CommuneCode
    applied_on: date

    @model_validator(mode="after")
    def details_fit_purpose_and_borrower(self) -> Self:
        """Training loans give the course length; business borrowers give their workforce."""
        is_training = self.purpose is LoanPurpose.TRAINING
        if is_training != (self.course_months is not None):
            raise ValueError("course_months is given for training loans and only for them")
        is_business = isinstance(self.borrower, BusinessBorrower)
        if is_business != (self.workforce is not None):
            raise ValueError("workforce is given for business borrowers and only for them")
        return self


class LoanApproved(CreditEvent):
    """The bank approved a loan."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanApproved"
    schema_version: ClassVar[int] = 1
    approved_amount: Money
    annual_interest_rate_bp: InterestRateBasisPoints
    term_months: PositiveCount
    secured: bool = Field(description="Backed by security (required above VND 100 million)")
    approved_on: date


class LoanRejected(CreditEvent):
    """The bank rejected an application, naming the rule that failed."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanRejected"
    schema_version: ClassVar[int] = 1
    failed_rule: LoanRule
    explanation: str = Field(
        min_length=1, max_length=500, description="The failed rule in words a loan officer can read out"
    )
    rejected_on: date


class LoanDisbursed(CreditEvent):
    """The bank paid out (part of) a loan."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanDisbursed"
    schema_version: ClassVar[int] = 1
    amount: Money
    disbursed_on: date
    final_due_on: date


class RepaymentReceived(CreditEvent):
    """The borrower repaid principal and/or interest."""

    event_type: ClassVar[str] = "hoanhap.credit.RepaymentReceived"
    schema_version: ClassVar[int] = 1
    repayment_id: UUID
    principal: Money
    interest: Money
    received_on: date
    outstanding_principal: Money


class LoanOverdue(CreditEvent):
    """A repayment fell overdue; overdue interest is 130% of the loan rate."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanOverdue"
    schema_version: ClassVar[int] = 1
    overdue_principal: Money
    overdue_since: date
    overdue_interest_rate_bp: InterestRateBasisPoints


class LoanSettled(CreditEvent):
    """The loan was repaid in full."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanSettled"
    schema_version: ClassVar[int] = 1
    settled_on: date
    principal_repaid: Money
    interest_paid: Money
