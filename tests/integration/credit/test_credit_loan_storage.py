"""On the real PostgreSQL: a loan's state kept with each write equals a replay of its stream and is read back for
many loans in one query; the loans table's columns follow it; a payment posted by two tellers at once is applied
once and both are answered with it; one citizen ID registered twice at once is one borrower."""

import asyncio
import uuid
from datetime import date

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.contracts.credit.choices import BusinessType
from hoanhap_credit.adapters.loan_states import current_states
from hoanhap_credit.application.application_input import LoanAsked, Workforce
from hoanhap_credit.application.borrower_identity import BorrowerIdentity
from hoanhap_credit.application.borrower_writes import Place
from hoanhap_credit.application.loan_input import ApprovalInput, DisbursementInput, RepaymentInput
from hoanhap_credit.application.loan_writes import loan_of
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.applications import Purpose
from hoanhap_credit.domain.borrowers import BusinessOnRecord
from hoanhap_credit.domain.loan_record import stream_of
from hoanhap_credit.domain.schedule_dates import RepaymentPlan

OFFICER = Principal(sub="bank-officer-7", agency=Agency.BANK, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01"))
SUPERVISOR = Principal(sub="bank-supervisor-2", agency=Agency.BANK, role=Role.SUPERVISOR,
                       jurisdiction=Jurisdiction(province="01"))
DAY = date(2026, 3, 2)


async def a_disbursed_business_loan(pool, lending, borrowers, applications) -> uuid.UUID:  # type: ignore[no-untyped-def]
    business = BusinessOnRecord(uuid.uuid4(), BusinessType.COOPERATIVE, "HTX Phú Vinh",
                                f"HTX-0104-{uuid.uuid4().hex[:8]}", "01", "00004")  # one business per number
    asked = LoanAsked(None, business.business_id, Purpose.JOB_CREATION, 120_000_000, 24, None, True, 0, DAY,
                      workforce=Workforce(12, 3), plan_confirmed_on=date(2026, 2, 20))
    async with pool.acquire() as connection:
        await borrowers.register_business(connection, business, OFFICER, DAY)
        record, _ = await applications.apply(connection, asked, OFFICER)
        await lending.change(connection, record.loan_id, ApprovalInput(DAY, 120_000_000, 24,
                                                                       RepaymentPlan.MONTHLY, True), SUPERVISOR, None)
        await lending.change(connection, record.loan_id, DisbursementInput(date(2026, 3, 5), 120_000_000),
                             OFFICER, None)
    return record.loan_id


async def test_the_state_kept_with_each_write_equals_a_replay_and_many_are_read_in_one_query(
        pool, lending, borrowers, applications):
    loan_ids = [await a_disbursed_business_loan(pool, lending, borrowers, applications) for _ in range(3)]
    async with pool.acquire() as connection:
        kept = await current_states(connection, loan_ids)
        replayed = [loan_of(await lending.streams.read_stream(connection, stream_of(loan_id))) for loan_id in loan_ids]
        row = await connection.fetchrow("SELECT status, version, disbursed, principal_repaid, business_id, purpose "
                                        "FROM loans WHERE loan_id = $1", loan_ids[0])
        holder = kept[loan_ids[0]].party.holder_id
        outstanding = await lending.streams.outstanding_same_purpose(connection, holder, Purpose.JOB_CREATION)
    assert [kept[loan_id].loan for loan_id in loan_ids] == replayed
    assert dict(row) == {"status": "disbursed", "version": 3, "disbursed": 120_000_000, "principal_repaid": 0,
                         "business_id": holder, "purpose": "job_creation"}
    assert outstanding == 120_000_000


async def test_a_payment_posted_by_two_tellers_at_once_is_applied_once_and_answers_both(
        pool, lending, borrowers, applications):
    loan_id = await a_disbursed_business_loan(pool, lending, borrowers, applications)
    payment = RepaymentInput(str(uuid.uuid4()), date(2026, 4, 5), 6_000_000)

    async def post() -> tuple[int, int]:
        async with pool.acquire() as connection:
            record, events = await lending.change(connection, loan_id, payment, OFFICER, None)
            return record.version, len(events)

    answers = await asyncio.gather(post(), post())
    async with pool.acquire() as connection:
        stored = await lending.streams.read_stream(connection, stream_of(loan_id))
    assert [event.type for event in stored].count(ev.RepaymentReceived.type_name()) == 1
    assert sorted(answers) == [(4, 0), (4, 1)]  # the second found it recorded: nothing more written


async def test_one_citizen_id_registered_twice_at_once_is_one_borrower_with_no_registry_person(pool, borrowers):
    identity = BorrowerIdentity("001090077123", date(1991, 4, 5), "Lê Văn Tâm", "Thôn 2", "Lê Thị Hằng")

    async def register() -> tuple[uuid.UUID, bool]:
        async with pool.acquire() as connection:
            borrower, created = await borrowers.register(connection, identity, Place("01", "00004"), OFFICER, DAY)
            return borrower.borrower_id, created

    first, second = await asyncio.gather(register(), register())
    assert first[0] == second[0] and sorted([first[1], second[1]]) == [False, True]
    async with pool.acquire() as connection:
        row = await connection.fetchrow("SELECT count(*) AS borrowers, max(person_id::text) AS person FROM borrowers")
        sealed = await connection.fetchval("SELECT payload::text FROM events WHERE stream_id = $1",
                                           f"borrower-{first[0]}")
    assert (row["borrowers"], row["person"]) == (1, None)
    assert "Lê Văn Tâm" not in sealed and "001090077123" not in sealed
