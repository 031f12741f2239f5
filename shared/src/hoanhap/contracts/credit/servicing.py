"""Integration events of the credit service once a loan is paid out: disbursements, repayments, arrears and how the
loan ends (settled or written off)."""

from datetime import date
from typing import Annotated, ClassVar, Self
from uuid import UUID

from pydantic import Field, Strict, model_validator

from hoanhap.contracts.credit.events import CreditEvent
from hoanhap.contracts.values import Count, InterestRateBasisPoints, Money

DEBT_GROUPS = 5
DebtGroup = Annotated[int, Strict(), Field(ge=1, le=DEBT_GROUPS,
                                           description="The debt group by days past due: 1 (in order) to 5")]


class LoanDisbursed(CreditEvent):
    """The bank paid out (part of) a loan."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanDisbursed"
    schema_version: ClassVar[int] = 1
    amount: Money
    disbursed_on: date
    final_due_on: date


class RepaymentReceived(CreditEvent):
    """The borrower repaid principal and/or interest (interest: due and overdue interest together)."""

    event_type: ClassVar[str] = "hoanhap.credit.RepaymentReceived"
    schema_version: ClassVar[int] = 1
    repayment_id: UUID
    principal: Money
    interest: Money
    received_on: date
    outstanding_principal: Money


class LoanOverdue(CreditEvent):
    """The loan's arrears on a day, sent each time its overdue principal or its debt group changes (by the end of
    day or by a repayment): an overdue principal of 0 in group 1 means the loan is back in order. Overdue interest
    is 130% of the loan's rate.

    Version 2 is sent on every change, cures included, and carries the days past due and the debt group."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanOverdue"
    schema_version: ClassVar[int] = 2
    as_of: date
    overdue_principal: Money
    overdue_since: date | None = Field(default=None, description="The first day overdue; none when nothing is")
    days_past_due: Count
    debt_group: DebtGroup
    overdue_interest_rate_bp: InterestRateBasisPoints

    @model_validator(mode="after")
    def in_order_has_no_overdue_day(self) -> Self:
        """Overdue principal and the day it became overdue go together."""
        if (self.overdue_principal > 0) != (self.overdue_since is not None):
            raise ValueError("overdue_since is given when, and only when, overdue_principal is above 0")
        return self


class LoanSettled(CreditEvent):
    """The loan was repaid in full."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanSettled"
    schema_version: ClassVar[int] = 1
    settled_on: date
    principal_repaid: Money
    interest_paid: Money


class LoanWrittenOff(CreditEvent):
    """What the borrower still owed was written off (the reason stays in the bank): the loan is closed."""

    event_type: ClassVar[str] = "hoanhap.credit.LoanWrittenOff"
    schema_version: ClassVar[int] = 1
    written_off_on: date
    principal_written_off: Money
    interest_written_off: Money
