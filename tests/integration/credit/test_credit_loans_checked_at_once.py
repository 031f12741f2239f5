"""On the real PostgreSQL: the same-purpose debt rule counts the holder's loans applied for and approved, not only
those paid out, and is checked under the holder's lock at application and again at approval, so two applications
at once are decided one after the other and an approval sees the holder's other loans as they are then; a payment
id is one payment of the bank's, so two loans posting it at once record it once."""

import asyncio
import uuid
from dataclasses import replace
from datetime import date

from hoanhap.contracts.credit.choices import BusinessType
from hoanhap.write_path.errors import Conflict, RuleViolation
from hoanhap_credit.application.application_input import LoanAsked, Workforce
from hoanhap_credit.application.loan_input import ApprovalInput, RepaymentInput, WithdrawalInput
from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain.applications import Purpose
from hoanhap_credit.domain.borrowers import BusinessOnRecord
from hoanhap_credit.domain.loan_decide import decide
from hoanhap_credit.domain.loan_record import LoanRecord
from hoanhap_credit.domain.loan_state import replay
from hoanhap_credit.domain.schedule_dates import RepaymentPlan
from tests.integration.credit.test_credit_loan_storage import DAY, OFFICER, SUPERVISOR, a_disbursed_business_loan

APPROVAL = ApprovalInput(DAY, 120_000_000, 24, RepaymentPlan.MONTHLY, True)


def a_cooperative() -> BusinessOnRecord:
    """A cooperative of its own registration number (the bank holds one business per number)."""
    return BusinessOnRecord(uuid.uuid4(), BusinessType.COOPERATIVE, "HTX Phú Vinh", f"HTX-{uuid.uuid4().hex[:8]}",
                            "01", "00004")


def asking(business_id: uuid.UUID) -> LoanAsked:
    return LoanAsked(None, business_id, Purpose.JOB_CREATION, 120_000_000, 24, None, True, 0, DAY,
                     workforce=Workforce(12, 3), plan_confirmed_on=date(2026, 2, 20))


async def two_applied_loans(pool, lending, borrowers, applications) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
    """Two applications of one business for one purpose: the second is rejected at once now, so it is recorded as
    a release that counted only loans paid out would have recorded it (its same-purpose debt 0)."""
    business = a_cooperative()
    async with pool.acquire() as connection:
        await borrowers.register_business(connection, business, OFFICER, DAY)
        first, _ = await applications.apply(connection, asking(business.business_id), OFFICER)
        second, events = await applications.apply(connection, asking(business.business_id), OFFICER)
        assert second.loan.status == "rejected" and second.loan.application.request.same_purpose_debt == 120_000_000
        party, application = await applications.facts(connection, asking(business.business_id), OFFICER)
        unchecked = replace(application, request=replace(application.request, same_purpose_debt=0))
        events = decide(None, cmd.ApplyForLoan(unchecked, "officer"))
        loan = replay(events)
        assert loan is not None
        other = LoanRecord(uuid.uuid4(), party, loan)
        await lending.append(connection, other, 0, events, OFFICER)
    return [first.loan_id, other.loan_id]


async def test_two_applications_at_once_of_one_holder_for_one_purpose_are_decided_one_after_the_other(
        pool, borrowers, applications):
    business = a_cooperative()
    async with pool.acquire() as connection:
        await borrowers.register_business(connection, business, OFFICER, DAY)

    async def apply() -> str:
        async with pool.acquire() as connection, connection.transaction():
            record, _ = await applications.apply(connection, asking(business.business_id), OFFICER)
            return str(record.loan.status)

    assert sorted(await asyncio.gather(apply(), apply())) == ["applied", "rejected"]


async def test_an_approval_is_refused_while_another_loan_of_the_holder_for_the_purpose_is_asked_for(
        pool, lending, borrowers, applications):
    loan_ids = await two_applied_loans(pool, lending, borrowers, applications)

    async def approve(loan_id: uuid.UUID) -> str:
        async with pool.acquire() as connection, connection.transaction():
            try:
                await lending.change(connection, loan_id, APPROVAL, SUPERVISOR, None)
            except RuleViolation as refused:
                return f"{refused.field}: {refused.message}"
            return "approved"

    refusal = ("same_purpose_debt: VND 120,000,000 is still owed to the Bank for Social Policies on loans with the "
               "same purpose (under this programme or another)")
    assert await asyncio.gather(*(approve(loan_id) for loan_id in loan_ids)) == [refusal, refusal]
    async with pool.acquire() as connection:
        await lending.change(connection, loan_ids[1], WithdrawalInput(DAY), OFFICER, None)
    assert await approve(loan_ids[0]) == "approved"


async def test_one_payment_id_posted_to_two_loans_at_once_is_recorded_on_one(pool, lending, borrowers, applications):
    loan_ids = [await a_disbursed_business_loan(pool, lending, borrowers, applications) for _ in range(2)]
    payment = RepaymentInput(str(uuid.uuid4()), date(2026, 4, 5), 6_000_000)

    async def post(loan_id: uuid.UUID) -> str:
        async with pool.acquire() as connection, connection.transaction():
            try:
                await lending.change(connection, loan_id, payment, OFFICER, None)
            except Conflict as refused:
                return str(refused)
            return "recorded"

    answers = await asyncio.gather(*(post(loan_id) for loan_id in loan_ids))
    assert sorted(answers) == [f"payment_id {payment.payment_id} is already recorded on another loan: a payment is "
                               f"posted to one loan only", "recorded"]
    async with pool.acquire() as connection:
        again = await lending.change(connection, loan_ids[answers.index("recorded")], payment, OFFICER, None)
    assert again[1] == []  # on its own loan the same id again is the idempotent repost
