"""Request bodies of what is asked of a loan once applied for: every field validated, every refusal naming it."""

import uuid

from pydantic import Field

from hoanhap.contracts.values import Day, Money, PositiveCount
from hoanhap_credit.api.fields import FreeText, PastDay
from hoanhap_credit.api.requests import Body
from hoanhap_credit.domain.schedule_dates import RepaymentPlan


class ApprovalRequest(Body):
    amount: Money = Field(description="VND granted, at most what was asked")
    term_months: PositiveCount
    plan: RepaymentPlan = Field(description="how often principal falls due; interest is monthly")
    secured: bool = Field(description="backed by security (required above VND 100 million)")
    approved_on: PastDay | None = Field(default=None, description="default: today in Vietnam")


class RejectionRequest(Body):
    reason: FreeText = Field(description="why, in the supervisor's words (kept sealed, never published)")
    rejected_on: PastDay | None = Field(default=None, description="default: today in Vietnam")


class WithdrawalRequest(Body):
    withdrawn_on: PastDay | None = Field(default=None, description="default: today in Vietnam")


class DisbursementRequest(Body):
    amount: Money = Field(description="VND paid out in this tranche")
    disbursed_on: PastDay


class RepaymentRequest(Body):
    payment_id: uuid.UUID = Field(description="the payment's own id: posting it again applies it once")
    amount: Money = Field(description="VND received")
    paid_on: PastDay


class ExtensionRequest(Body):
    instalment: PositiveCount = Field(description="the principal instalment's number, from 1")
    due_on: Day = Field(description="its new due day, later than the one it had")
    reason: FreeText = Field(description="why the bank accepted it (kept sealed, never published)")


class WriteOffRequest(Body):
    reason: FreeText = Field(description="why, e.g. the borrower died (kept sealed, never published)")
    written_off_on: PastDay | None = Field(default=None, description="default: today in Vietnam")
