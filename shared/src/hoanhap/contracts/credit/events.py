"""Integration events of the credit service (the bank): a loan's application and the decision on it. What happens
to the loan once money is paid out is in servicing.py."""

from datetime import date
from typing import ClassVar, Self
from uuid import UUID

from pydantic import Field, model_validator

from hoanhap.contracts.credit.borrowers import Borrower, BusinessBorrower, BusinessWorkforce
from hoanhap.contracts.credit.choices import AgentOrganisation, LoanPurpose, LoanRule
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
    """A person (through their household and an agent organisation) or a business applied for a loan.

    Version 2 names the agent organisation and gives the business's workforce as counts."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanApplied"
    schema_version: ClassVar[int] = 2
    purpose: LoanPurpose
    amount_requested: Money
    term_months: PositiveCount
    course_months: MonthCount | None = Field(
        default=None, description="Length of the vocational course; given for training loans only"
    )
    agent_organisation: AgentOrganisation | None = Field(
        default=None, description="The organisation acting as the bank's agent; individuals only (none: not recorded)"
    )
    workforce: BusinessWorkforce | None = Field(default=None, description="Given for business borrowers only")
    province_code: ProvinceCode
    commune_code: CommuneCode
    applied_on: date

    @model_validator(mode="after")
    def details_fit_purpose_and_borrower(self) -> Self:
        """Training loans give the course length; business borrowers give their workforce and no agent."""
        is_training = self.purpose is LoanPurpose.TRAINING
        if is_training != (self.course_months is not None):
            raise ValueError("course_months is given for training loans and only for them")
        is_business = isinstance(self.borrower, BusinessBorrower)
        if is_business != (self.workforce is not None):
            raise ValueError("workforce is given for business borrowers and only for them")
        if is_business and self.agent_organisation is not None:
            raise ValueError("agent_organisation is given for individual borrowers only")
        return self


class LoanApproved(CreditEvent):
    """The bank approved a loan; the rate is the one in force on the day of approval (the loan's own rate is fixed
    by its first disbursement)."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanApproved"
    schema_version: ClassVar[int] = 1
    approved_amount: Money
    annual_interest_rate_bp: InterestRateBasisPoints
    term_months: PositiveCount
    secured: bool = Field(description="Backed by security (required above VND 100 million)")
    approved_on: date


class LoanRejected(CreditEvent):
    """The bank rejected an application: by Decision 22's rules, naming every rule that failed, or by its own
    judgement (no rule: the supervisor's reason stays in the bank).

    Version 2 names every failed rule, not only the first, and carries no words (the bank reads them out)."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanRejected"
    schema_version: ClassVar[int] = 2
    failed_rules: tuple[LoanRule, ...] = Field(default=(), max_length=len(LoanRule),
                                                description="Every rule that failed; empty: refused by the bank")
    rejected_on: date

    @model_validator(mode="after")
    def each_rule_once(self) -> Self:
        """A rule is named once."""
        if len(set(self.failed_rules)) != len(self.failed_rules):
            raise ValueError("failed_rules names a rule twice")
        return self


class LoanWithdrawn(CreditEvent):
    """The applicant gave up before any money was paid out."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanWithdrawn"
    schema_version: ClassVar[int] = 1
    withdrawn_on: date
