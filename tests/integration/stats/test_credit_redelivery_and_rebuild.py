"""Against the real Kafka and PostgreSQL: stats' credit projection as its tracked consumer runs it. A payout and a
repayment delivered twice (the same events again, as a producer's retry sends them) change the loan once; then a
rebuild from offset 0 replays the topic into read models (loans, loan_days, commune totals) equal to the live ones."""

import uuid
from collections.abc import AsyncIterator
from datetime import date

import asyncpg
import pytest

import hoanhap.contracts as c
from hoanhap.postgres.pool import create_pool
from hoanhap.relay import idempotent_producer
from hoanhap_stats.credit.projection import project_credit_events
from hoanhap_stats.projecting.read_models import install_read_models
from hoanhap_stats.projecting.tracked_consumers import Projection, tracked_consumer
from hoanhap_stats.rebuild.fresh_schema import rebuild
from hoanhap_stats.settings import StatsSettings
from tests.support.consuming import message_of, produce, run_until

M = 1_000_000
LOAN = uuid.uuid4()
BORROWER = {"kind": "individual", "person_id": uuid.uuid4()}
READ_MODELS = ("SELECT * FROM loans", "SELECT * FROM loan_days ORDER BY on_day",
               "SELECT figure, province_code, commune_code, value FROM commune_totals ORDER BY figure")


def on(event: type[c.CreditEvent], **fields: object) -> c.CreditEvent:
    return event(loan_id=LOAN, borrower=BORROWER, **fields)


STORY = [
    on(c.LoanApplied, purpose="production", amount_requested=60 * M, term_months=24, agent_organisation="youth_union",
       province_code="01", commune_code="00094", applied_on=date(2025, 1, 6)),
    on(c.LoanApproved, approved_amount=60 * M, annual_interest_rate_bp=660, term_months=24, secured=False,
       approved_on=date(2025, 1, 10)),
    on(c.LoanDisbursed, amount=60 * M, disbursed_on=date(2025, 1, 15), final_due_on=date(2027, 1, 15)),
    on(c.RepaymentReceived, repayment_id=uuid.uuid4(), principal=10 * M, interest=M, received_on=date(2025, 4, 15),
       outstanding_principal=50 * M),
    on(c.LoanOverdue, as_of=date(2025, 7, 30), overdue_principal=5 * M, overdue_since=date(2025, 7, 16),
       days_past_due=15, debt_group=2, overdue_interest_rate_bp=858)]


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """Live read models in a schema of this test's own."""
    schema = f"credit_{uuid.uuid4().hex[:8]}"
    created = await create_pool(database_url, max_size=4, schema=schema)
    await install_read_models(created, schema)
    yield created
    await created.execute(f'DROP SCHEMA "{schema}" CASCADE')
    await created.close()


async def read_models(pool: asyncpg.Pool) -> list[list[tuple]]:
    return [[tuple(row) for row in await pool.fetch(query)] for query in READ_MODELS]


async def test_a_redelivered_payout_and_repayment_count_once_and_the_rebuild_reproduces_every_table(
        pool, database_url, kafka_bootstrap_servers, topic):
    messages = [message_of(event, topic) for event in STORY]
    await produce(kafka_bootstrap_servers, [*messages[:4], messages[2], messages[3], messages[4]])
    group = f"credit-redelivery-{uuid.uuid4().hex[:8]}"
    projection = Projection("credit", topic, project_credit_events)
    producer = idempotent_producer(kafka_bootstrap_servers)
    await producer.start()
    try:
        consumer = tracked_consumer(group, projection, pool, producer)

        async def all_read() -> bool:
            return sum(consumer.outcomes.counts.values()) == 7

        await run_until(consumer, kafka_bootstrap_servers, all_read)
    finally:
        await producer.stop()
    loans, days, totals = live = await read_models(pool)

    assert consumer.outcomes.counts == {"processed": 5, "skipped:duplicate": 2}
    row = await pool.fetchrow("SELECT disbursed_vnd, repaid_principal_vnd, outstanding_principal_vnd, status, "
                              "debt_group FROM loans")
    assert tuple(row) == (60 * M, 10 * M, 50 * M, "overdue", 2)
    assert [day[1] for day in days] == [date(2025, 1, 6), date(2025, 1, 10), date(2025, 1, 15), date(2025, 4, 15),
                                        date(2025, 7, 30)]
    assert totals == [("loans_outstanding", "01", "00094", 1), ("loans_overdue", "01", "00094", 1)]
    assert len(loans) == 1

    schema = await pool.fetchval("SELECT current_schema()")
    await rebuild(StatsSettings(database_url=database_url, kafka_bootstrap_servers=kafka_bootstrap_servers,
                                database_schema=schema, consumer_group=group, rebuild_processes=2,
                                log_level="WARNING"), timeout=120, projections=(projection,))
    assert await read_models(pool) == live, "the rebuilt loans, days and totals equal the live ones"
