"""Disbursed loans seeded straight into credit's tables (events by COPY, the loans table with each state), for the
end-of-day tests and benchmark: a realistic mix built by the domain from a few templates, each copied to many loans
under new ids. Most are current (every instalment repaid on its due day), some overdue by a few days to a year.
The seeded events carry random hashes: the end of day's appends chain on from them; nothing verifies them here."""

import json
import os
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

import asyncpg

from hoanhap_credit.adapters.loan_states import state_json
from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain.end_of_day import close_days
from hoanhap_credit.domain.loan_events import ArrearsChanged, LoanFact, OverdueInterestPosted
from hoanhap_credit.domain.loan_owed import owed_on
from hoanhap_credit.domain.loan_party import LoanParty
from hoanhap_credit.domain.loan_record import LoanRecord, stream_of
from hoanhap_credit.domain.loan_state import Loan
from hoanhap_credit.domain.schedule_dates import RepaymentPlan
from hoanhap_credit.domain.schedule_principal import principal_instalments
from tests.unit.credit.credit_applications import asking, request
from tests.unit.credit.credit_loans import approve, disburse, repay, run, step

METADATA = json.dumps({"correlation_id": "seed", "actor": "seed", "agency": "bank"})
EVENT_COLUMNS = ["stream_id", "stream_version", "event_id", "type", "schema_version", "payload", "metadata",
                 "recorded_at", "hash", "global_hash"]
LOAN_COLUMNS = ["loan_id", "version", "status", "borrower_id", "person_id", "province_code", "commune_code",
                "purpose", "amount_requested", "applied_on", "disbursed", "principal_repaid", "state"]


@dataclass(frozen=True)
class Template:
    """A loan as of the day before the first day to close, with the events that made it."""

    loan: Loan
    events: list[LoanFact]


def template(first_disbursed: date, amount: int, plan: RepaymentPlan, unpaid_from: int | None, before: date) \
        -> Template:
    """A 36-month loan disbursed on the day, every instalment due before `before` repaid on its due day except,
    from instalment `unpaid_from` on, none (None: all repaid)."""
    application = replace(asking(request(amount=100_000_000, term_months=36)), applied_on=first_disbursed)
    loan, events = run([cmd.ApplyForLoan(application, "officer"),
                        approve(amount, 36, plan, approved_on=first_disbursed), disburse(amount, first_disbursed)])
    for due in principal_instalments(loan.terms, loan.tranches):
        if due.due_on >= before or (unpaid_from is not None and due.number >= unpaid_from):
            break
        owed = owed_on(loan, due.due_on)
        due_now = owed.overdue_interest + owed.interest_due + owed.overdue_principal + owed.principal_due
        paid, made = step(loan, repay(f"seed-{due.number}", due.due_on, due_now))
        assert paid is not None
        loan, events = paid, events + made
    return Template(loan, events)


def templates(first_day: date) -> list[Template]:
    """Five current loans for each overdue one, overdue by about ten days, forty, four months and a year (disbursed
    up to 18 months before first_day, which must fall in the test applicant's years of eligibility: 2025 to 2026)."""
    current = [template(first_day - timedelta(days=30 * months + 7), amount, plan, None, first_day)
               for months in (2, 5, 9, 14, 18) for amount in (20_000_000, 50_000_000)
               for plan in (RepaymentPlan.MONTHLY, RepaymentPlan.QUARTERLY)]
    overdue = [template(first_day - timedelta(days=30 * 18 + 10), 30_000_000, RepaymentPlan.MONTHLY, unpaid_from,
                        first_day) for unpaid_from in (18, 17, 14, 5)]
    return current + overdue


def rows_of(found: Template, loan_id: uuid.UUID) -> tuple[list[tuple[object, ...]], tuple[object, ...]]:
    """The events and the loans row of one seeded copy."""
    party = LoanParty(province_code="01", commune_code="00004", borrower_id=uuid.uuid4(), person_id=uuid.uuid4())
    now = datetime.now(UTC)
    events: list[tuple[object, ...]] = [
        (stream_of(loan_id), number, uuid.uuid4(), event.type_name(), event.schema_version,
         event.model_copy(update={"party": party}).model_dump_json(), METADATA, now, os.urandom(32), os.urandom(32))
        for number, event in enumerate(found.events, 1)]
    loan = found.loan
    state = state_json(LoanRecord(loan_id, party, loan))
    row = (loan_id, loan.version, loan.status.value, party.borrower_id, party.person_id, party.province_code,
           party.commune_code, loan.application.request.purpose.value, loan.application.request.amount,
           loan.application.applied_on, loan.disbursed, loan.paid.principal, state)
    return events, row


async def seed_loans(pool: asyncpg.Pool, count: int, first_day: date, chunk: int = 5_000) -> list[uuid.UUID]:
    """`count` disbursed loans, the mix of templates(first_day) in turn; their ids."""
    mix, ids = templates(first_day), []
    for start in range(0, count, chunk):
        events: list[tuple[object, ...]] = []
        loans: list[tuple[object, ...]] = []
        for number in range(start, min(start + chunk, count)):
            loan_id = uuid.uuid4()
            made, row = rows_of(mix[number % len(mix)], loan_id)
            events += made
            loans.append(row)
            ids.append(loan_id)
        async with pool.acquire() as connection, connection.transaction():
            await connection.copy_records_to_table("events", records=events, columns=EVENT_COLUMNS)
            await connection.copy_records_to_table("loans", records=loans, columns=LOAN_COLUMNS)
    return ids


def expected_closes(first_day: date, count: int, days: list[date]) -> list[list[tuple[str, dict[str, object]]]]:
    """What closing the days must append to each of `count` loans seeded by seed_loans(first_day, ...), in seeding
    order, reckoned by the domain alone: each event's type and payload, whose loan it is left out."""
    mix = [close_days(found.loan, days)[1] for found in templates(first_day)]
    expected = [[(event.type_name(), event.model_dump(mode="json", exclude={"party"}))
                 for day in sorted(made) for event in made[day]] for made in mix]
    return [expected[number % len(mix)] for number in range(count)]


async def appended_closes(pool: asyncpg.Pool, loan_ids: list[uuid.UUID]) -> list[list[tuple[str, dict[str, object]]]]:
    """The end-of-day events each loan's stream holds, in order: type and payload without whose loan it is."""
    rows = await pool.fetch("SELECT stream_id, type, payload FROM events WHERE type = ANY($1) ORDER BY position",
                            [ArrearsChanged.type_name(), OverdueInterestPosted.type_name()])
    by_stream: dict[str, list[tuple[str, dict[str, object]]]] = {}
    for row in rows:
        payload = {name: value for name, value in json.loads(row["payload"]).items() if name != "party"}
        by_stream.setdefault(row["stream_id"], []).append((row["type"], payload))
    return [by_stream.get(stream_of(loan_id), []) for loan_id in loan_ids]
