"""`make bench-credit`, part "end of day" (benchmarks/bench_credit.py runs it after the applications):
BENCH_EOD_LOANS disbursed loans (default 100,000) seeded straight into a
fresh credit database (events by COPY and each loan's state: tests/support/credit_seeding.py, five current loans for
each overdue one), then one end-of-day run closing their next business day, timed as the command runs it (the
leader's lock taken, batches of 1,000 loans, each one transaction), and the run of the day after (the overdue loans'
arrears already recorded). Target on this machine: under 60 s.

Everything runs on this machine: PostgreSQL (the devstack's bench instance) and the run, in one process. Figures,
not a test.
"""

import asyncio
import os
import time
import uuid
from datetime import date, timedelta

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


Run = tuple[float, int, int]  # seconds, loans closed, events appended


async def end_of_day_runs(database_url: str) -> tuple[float, Run, Run]:
    """Seconds to seed, then the first day's run and the next day's."""
    pool = await create_pool(database_url, min_size=1, max_size=4)
    try:
        await install_schemas(pool)
        started = time.perf_counter()
        await seed_loans(pool, LOANS, FIRST_DAY)
        await pool.execute("ANALYZE")
        seeded = time.perf_counter() - started
        lending = Lending(pool, (PostgresLoanStreams(PostgresEventStore(pool)), PersonKeys(bytes(32)),
                                 projection_alongside), Rules(DEFAULT_POOR_HOUSEHOLD_RATES, DEFAULT_LIMITS))
        runs = []
        for day in (FIRST_DAY, FIRST_DAY + timedelta(days=1)):
            started = time.perf_counter()
            run = await run_as_leader(EndOfDay(lending, PostgresEndOfDayTables()), database_url, day)
            assert run is not None and run.loans == LOANS and run.days == (day,), run
            runs.append((time.perf_counter() - started, run.loans, run.events))
        return seeded, runs[0], runs[1]
    finally:
        await pool.close()


def main() -> None:
    with bench_stack() as endpoints:
        database = fresh_database(endpoints, f"bench_credit_{uuid.uuid4().hex[:8]}")
        seeded, first, second = asyncio.run(end_of_day_runs(database))
    print(f"\nbench-credit, end of day: {LOANS:,} disbursed loans seeded in {seeded:.0f} s, then a run closing "
          f"{FIRST_DAY} and one closing the day after, in batches of {BATCH:,}")
    print("| measure | first day | day after |\n|---|---:|---:|")
    print(f"| loans closed | {first[1]:,} | {second[1]:,} |")
    print(f"| events appended (arrears changed, overdue interest posted) | {first[2]:,} | {second[2]:,} |")
    print(f"| total seconds | {first[0]:.1f} | {second[0]:.1f} |")
    print(f"| loans/s | {first[1] / first[0]:,.0f} | {second[1] / second[0]:,.0f} |")


if __name__ == "__main__":
    main()
