"""`make bench-credit`, part "end of day": BENCH_EOD_LOANS disbursed loans (default 100,000) seeded straight into a
fresh credit database (events by COPY and each loan's state: tests/support/credit_seeding.py, five current loans for
each overdue one), then one end-of-day run closing their next business day, timed as the command runs it (the
leader's lock taken, batches of END_OF_DAY_BATCH loans, each one transaction). Target on this machine: under 60 s.

Everything runs on this machine: PostgreSQL (the devstack's bench instance) and the run, in one process. Figures,
not a test.
"""

import asyncio
import os
import time
import uuid
from datetime import date

from benchmarks.devstack_session import bench_stack, fresh_database
from hoanhap.eventstore import PostgresEventStore
from hoanhap.person_keys import PersonKeys
from hoanhap.postgres.pool import create_pool
from hoanhap_credit.adapters.end_of_day_tables import PostgresEndOfDayTables
from hoanhap_credit.adapters.loan_projection import projection_alongside
from hoanhap_credit.adapters.loan_streams import PostgresLoanStreams
from hoanhap_credit.app import install_schemas
from hoanhap_credit.application.end_of_day import BATCH, EndOfDay
from hoanhap_credit.application.lending import Lending, Rules
from hoanhap_credit.domain.lending_limits import DEFAULT_LIMITS
from hoanhap_credit.domain.rates import DEFAULT_POOR_HOUSEHOLD_RATES
from hoanhap_credit.end_of_day_running import run_as_leader
from tests.support.credit_seeding import seed_loans

LOANS = int(os.environ.get("BENCH_EOD_LOANS", "100000"))
FIRST_DAY = date(2026, 11, 1)


async def end_of_day_run(database_url: str) -> tuple[float, float, int, int]:
    """Seconds to seed and to run the end of day, with the loans closed and the events appended."""
    pool = await create_pool(database_url, min_size=1, max_size=4)
    try:
        await install_schemas(pool)
        started = time.perf_counter()
        await seed_loans(pool, LOANS, FIRST_DAY)
        await pool.execute("ANALYZE")
        seeded = time.perf_counter() - started
        lending = Lending(pool, (PostgresLoanStreams(PostgresEventStore(pool)), PersonKeys(bytes(32)),
                                 projection_alongside), Rules(DEFAULT_POOR_HOUSEHOLD_RATES, DEFAULT_LIMITS))
        started = time.perf_counter()
        run = await run_as_leader(EndOfDay(lending, PostgresEndOfDayTables()), database_url, FIRST_DAY)
        took = time.perf_counter() - started
        assert run is not None and run.loans == LOANS, run
        return seeded, took, run.loans, run.events
    finally:
        await pool.close()


def main() -> None:
    with bench_stack() as endpoints:
        database = fresh_database(endpoints, f"bench_credit_{uuid.uuid4().hex[:8]}")
        seeded, took, loans, events = asyncio.run(end_of_day_run(database))
    print(f"\nbench-credit, end of day: {loans:,} disbursed loans seeded in {seeded:.0f} s, then one run closing "
          f"{FIRST_DAY} in batches of {BATCH:,}")
    print("| measure | value |\n|---|---:|")
    print(f"| end of day: loans closed | {loans:,} |")
    print(f"| end of day: events appended (arrears changed, overdue interest posted) | {events:,} |")
    print(f"| end of day: total seconds | {took:.1f} |")
    print(f"| end of day: loans/s | {loans / took:,.0f} |")


if __name__ == "__main__":
    main()
