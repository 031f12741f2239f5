"""Running the end of day: as the one leader among credit's processes (adapters/end_of_day_leadership), from the
command (end_of_day_command) or from the task inside the service, which checks every minute and, once Vietnam's
midnight has passed (hoanhap.vietnam_time), closes yesterday, catching up any day missed while the service was down."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta

import structlog

from hoanhap.excerpts import excerpt
from hoanhap.relay.wakeup import stopped_within
from hoanhap.vietnam_time import vietnam_today
from hoanhap_credit.adapters.end_of_day_leadership import end_of_day_leadership
from hoanhap_credit.application.end_of_day import EndOfDay, EndOfDayRun

log = structlog.get_logger(__name__)

CHECK_EVERY = 60.0


def last_day_over(now: datetime) -> date:
    """The latest business day that is over at `now`: yesterday in Vietnam."""
    return vietnam_today(now) - timedelta(days=1)


async def run_as_leader(end_of_day: EndOfDay, database_url: str, through_day: date) -> EndOfDayRun | None:
    """The run through the day if this process leads the end of day; None when another process is running it."""
    async with end_of_day_leadership(database_url) as leading:
        if not leading:
            return None
        return await end_of_day.run_end_of_day(through_day)


@asynccontextmanager
async def end_of_day_scheduled(end_of_day: EndOfDay, database_url: str, enabled: bool = True) -> AsyncIterator[None]:
    """The service's end-of-day task, running while the context is open (unless not enabled); a run under way when
    the service stops is cancelled (its batch rolls back, and the next run closes those loans)."""
    if not enabled:
        yield
        return
    stop = asyncio.Event()
    task = asyncio.create_task(keep_closing(end_of_day, database_url, stop))
    try:
        yield
    finally:
        stop.set()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def keep_closing(end_of_day: EndOfDay, database_url: str, stop: asyncio.Event) -> None:
    """Every CHECK_EVERY seconds, close the days that are over and not closed yet; errors are logged and the next
    check tries again."""
    while not stop.is_set():
        try:
            through_day = last_day_over(datetime.now(UTC))
            if await end_of_day.is_due(through_day):
                run = await run_as_leader(end_of_day, database_url, through_day)
                if run is not None and run.days:
                    log.info("end of day closed", first_day=str(run.days[0]), last_day=str(run.days[-1]),
                             loans=run.loans, events=run.events)
        except Exception as error:  # noqa: BLE001 - the database may be briefly away: the next check retries
            log.warning("end of day failed; retrying at the next check", error=type(error).__name__,
                        reason=excerpt(str(error), 200))
        await stopped_within(stop, CHECK_EVERY)
