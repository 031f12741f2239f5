"""`hoanhap-credit-end-of-day [--through YYYY-MM-DD]`: close the business days not closed yet up to --through
(default yesterday in Vietnam; today is refused, it is not over), as the service's scheduled task does, with the
same settings. Another process already running the end of day makes this one do nothing.
Exit codes: 0 done (or nothing to do, or another process is running it), 2 cannot run."""

import argparse
import asyncio
import sys
from datetime import UTC, date, datetime

import asyncpg

from hoanhap.observability import configure_logging
from hoanhap.postgres.pool import create_pool
from hoanhap.service.runner import load_settings
from hoanhap_credit.app import SERVICE, end_of_day_of, install_schemas
from hoanhap_credit.end_of_day_running import last_day_over, run_as_leader
from hoanhap_credit.settings import CreditSettings

PROGRAM = "hoanhap-credit-end-of-day"
DONE, CANNOT_RUN = 0, 2


def parser() -> argparse.ArgumentParser:
    """The command's one option."""
    parser = argparse.ArgumentParser(prog=PROGRAM, description="Close credit's business days (end of day).")
    parser.add_argument("--through", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="the last day to close (default: yesterday in Vietnam)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the end of day once; the exit code."""
    args = parser().parse_args(argv)
    settings = load_settings(SERVICE, CreditSettings)
    configure_logging(SERVICE, settings.log_level)
    latest = last_day_over(datetime.now(UTC))
    through: date = args.through or latest
    if through > latest:
        print(f"{PROGRAM}: {through} is not over yet in Vietnam; the latest day to close is {latest}", file=sys.stderr)
        return CANNOT_RUN
    try:
        return asyncio.run(close(settings, through))
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        print(f"{PROGRAM}: cannot reach or update credit's database ({type(error).__name__})", file=sys.stderr)
        return CANNOT_RUN


async def close(settings: CreditSettings, through: date) -> int:
    """The run through the day, told on standard output."""
    pool = await create_pool(settings.database_url, max_size=2, schema=settings.database_schema)
    try:
        await install_schemas(pool)
        run = await run_as_leader(end_of_day_of(pool, settings), settings.database_url, through)
    finally:
        await pool.close()
    if run is None:
        print("not run: another credit process is running the end of day")
    elif not run.days:
        print(f"nothing to close: every day through {through} is closed")
    else:
        print(f"closed {run.days[0]} to {run.days[-1]}: {run.loans} loans, {run.events} events")
    return DONE


def entry_point() -> None:
    """The console script."""
    raise SystemExit(main())
