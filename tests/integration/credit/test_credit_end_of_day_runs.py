"""The end of day on the real PostgreSQL, over loans seeded in a fresh database: closing a day twice appends nothing
the second time; three missed days caught up append what three daily runs append; the command killed with -9
midway and run again closes each loan's day once (closed_through the proof); while another process runs the end of
day, the command does nothing, and of two commands started together one closes the day."""

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import date, timedelta
from pathlib import Path

import asyncpg
import pytest

from hoanhap.eventstore import PostgresEventStore
from hoanhap.person_keys import PersonKeys
from hoanhap.postgres.pool import create_pool
from hoanhap_credit.adapters.end_of_day_leadership import END_OF_DAY_LOCK
from hoanhap_credit.adapters.end_of_day_tables import PostgresEndOfDayTables
from hoanhap_credit.adapters.loan_projection import projection_alongside
from hoanhap_credit.adapters.loan_streams import PostgresLoanStreams
from hoanhap_credit.app import install_schemas
from hoanhap_credit.application.end_of_day import EndOfDay
from hoanhap_credit.application.lending import Lending, Rules
from hoanhap_credit.domain.lending_limits import DEFAULT_LIMITS
from hoanhap_credit.domain.rates import DEFAULT_POOR_HOUSEHOLD_RATES
from hoanhap_devstack.stack import Endpoints
from tests.support.credit_seeding import appended_closes, expected_closes, seed_loans
from tests.support.databases import fresh_database
from tests.support.services import keys_of

FIRST = date(2026, 11, 1)


@pytest.fixture
def fresh_url(endpoints: Endpoints) -> Iterator[str]:
    with fresh_database(endpoints, "t_credit_eod") as url:
        yield url


@pytest.fixture
def other_url(endpoints: Endpoints) -> Iterator[str]:
    with fresh_database(endpoints, "t_credit_eod_other") as url:
        yield url


@asynccontextmanager
async def credit_database(url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(url, min_size=1, max_size=4)
    await install_schemas(pool)
    try:
        yield pool
    finally:
        await pool.close()


def end_of_day(pool: asyncpg.Pool, batch: int = 100) -> EndOfDay:
    lending = Lending(pool, (PostgresLoanStreams(PostgresEventStore(pool)), PersonKeys(bytes(32)),
                             projection_alongside), Rules(DEFAULT_POOR_HOUSEHOLD_RATES, DEFAULT_LIMITS))
    return EndOfDay(lending, PostgresEndOfDayTables(), batch)


def command(url: str, through: date, bootstrap: str, batch: int = 50) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": url, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "END_OF_DAY_BATCH": str(batch),
           **keys_of("credit")}
    return subprocess.Popen([str(Path(sys.executable).parent / "hoanhap-credit-end-of-day"), "--through",
                             through.isoformat()], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


async def closed_through(pool: asyncpg.Pool, day: date) -> int:
    return int(await pool.fetchval("SELECT count(*) FROM loans WHERE closed_through = $1", day))


async def test_a_day_closed_twice_appends_nothing_the_second_time(fresh_url: str) -> None:
    async with credit_database(fresh_url) as pool:
        ids = await seed_loans(pool, 240, FIRST)
        first = await end_of_day(pool).run_end_of_day(FIRST)
        assert first.days == (FIRST,) and first.loans == 240 and first.events > 0
        events = await pool.fetchval("SELECT count(*) FROM events")
        again = await end_of_day(pool).run_end_of_day(FIRST)
        assert again.days == () and await pool.fetchval("SELECT count(*) FROM events") == events
        assert await appended_closes(pool, ids) == expected_closes(FIRST, 240, [FIRST])


async def test_three_missed_days_caught_up_append_what_three_daily_runs_append(fresh_url: str,
                                                                              other_url: str) -> None:
    days = [FIRST + timedelta(days=n) for n in range(4)]
    async with credit_database(fresh_url) as daily, credit_database(other_url) as missed:
        daily_ids, missed_ids = await seed_loans(daily, 240, FIRST), await seed_loans(missed, 240, FIRST)
        for day in days:
            await end_of_day(daily).run_end_of_day(day)
        await end_of_day(missed).run_end_of_day(FIRST)
        caught_up = await end_of_day(missed).run_end_of_day(days[-1])
        assert caught_up.days == tuple(days[1:]) and caught_up.loans == 240
        assert await appended_closes(missed, missed_ids) == await appended_closes(daily, daily_ids) == \
            expected_closes(FIRST, 240, days)
        finished = "SELECT count(*) FROM end_of_day_runs WHERE finished_at IS NOT NULL AND loans = 240"
        assert await missed.fetchval(finished) == await daily.fetchval(finished) == 4


async def test_the_command_killed_midway_and_run_again_closes_each_loans_day_once(
        fresh_url: str, kafka_bootstrap_servers: str) -> None:
    count = 4_000
    async with credit_database(fresh_url) as pool:
        ids = await seed_loans(pool, count, FIRST)
        running = command(fresh_url, FIRST, kafka_bootstrap_servers)
        deadline = time.monotonic() + 120
        while await closed_through(pool, FIRST) == 0:
            assert running.poll() is None and time.monotonic() < deadline, "the run ended before any batch closed"
            await asyncio.sleep(0.05)
        running.send_signal(signal.SIGKILL)
        running.wait(10)
        assert 0 < await closed_through(pool, FIRST) < count, "killed too late to leave loans not closed"
        again = command(fresh_url, FIRST, kafka_bootstrap_servers)
        output = again.communicate(timeout=300)[0].decode()
        assert again.returncode == 0 and f"closed {FIRST} to {FIRST}" in output, output
        assert await closed_through(pool, FIRST) == count
        assert await appended_closes(pool, ids) == expected_closes(FIRST, count, [FIRST])
        assert await pool.fetchval("SELECT loans FROM end_of_day_runs WHERE business_day = $1 "
                                   "AND finished_at IS NOT NULL", FIRST) == count


async def test_while_another_process_runs_the_end_of_day_the_command_does_nothing(
        fresh_url: str, kafka_bootstrap_servers: str) -> None:
    async with credit_database(fresh_url) as pool:
        await seed_loans(pool, 100, FIRST)
        events = await pool.fetchval("SELECT count(*) FROM events")
        leader = await asyncpg.connect(fresh_url)
        try:
            assert await leader.fetchval("SELECT pg_try_advisory_lock($1)", END_OF_DAY_LOCK)
            follower = command(fresh_url, FIRST, kafka_bootstrap_servers)
            output = follower.communicate(timeout=120)[0].decode()
            assert follower.returncode == 0 and "not run: another credit process" in output, output
            assert await pool.fetchval("SELECT count(*) FROM events") == events
            assert await closed_through(pool, FIRST) == 0
        finally:
            await leader.close()
        alone = command(fresh_url, FIRST, kafka_bootstrap_servers)
        assert f"closed {FIRST} to {FIRST}" in alone.communicate(timeout=120)[0].decode()
        assert await closed_through(pool, FIRST) == 100


async def test_two_commands_started_together_close_each_loans_day_once(fresh_url: str,
                                                                       kafka_bootstrap_servers: str) -> None:
    count = 2_000
    async with credit_database(fresh_url) as pool:
        ids = await seed_loans(pool, count, FIRST)
        both = [command(fresh_url, FIRST, kafka_bootstrap_servers), command(fresh_url, FIRST, kafka_bootstrap_servers)]
        outputs = sorted(process.communicate(timeout=300)[0].decode() for process in both)
        assert [process.returncode for process in both] == [0, 0]
        closing = [output for output in outputs if f"closed {FIRST} to {FIRST}: {count} loans" in output]
        assert len(closing) == 1, outputs
        assert await closed_through(pool, FIRST) == count
        assert await appended_closes(pool, ids) == expected_closes(FIRST, count, [FIRST])
