"""The end of day (issue 14 item 9): run_end_of_day(through_day) closes every business day from the day after the
last finished run (the first run ever: through_day alone) to through_day, in order, for every disbursed loan.

Loans go in batches of BATCH, each in one transaction: their states loaded in one query, each loan's missing days
closed in memory (domain/end_of_day.close_days), the events appended with the store's append_many (each loan's
with its new state alongside, loan_writes.loan_append), and closed_through set for the whole batch in one
statement. A run killed midway leaves whole batches done or not: run again, it takes up the loans not closed through
the day, so every loan's day is closed once. Run twice the same day, the second finds nothing to close.
Whoever calls it holds the end of day's leadership (end_of_day_running), so one process runs at a time."""

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from hoanhap.auth import Agency
from hoanhap.eventstore import ConcurrencyConflict, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap_credit.application.lending import Lending
from hoanhap_credit.application.loan_writes import loan_append, metadata_of
from hoanhap_credit.application.storage import EndOfDayTables
from hoanhap_credit.domain.end_of_day import close_days
from hoanhap_credit.domain.loan_record import LoanRecord

BATCH = 1_000
ACTOR = "end-of-day"
RETRIES = 3  # a loan written by a request between the batch's read and its append: the batch is read again


@dataclass(frozen=True)
class EndOfDayRun:
    """What one run did: the business days it closed, the loans it closed and the events it appended."""

    days: tuple[date, ...]
    loans: int = 0
    events: int = 0


class EndOfDay:
    """The end of day over the loans' streams and states (Lending's) and the end of day's own tables."""

    def __init__(self, lending: Lending, tables: EndOfDayTables, batch: int = BATCH) -> None:
        self.lending, self.tables, self.batch = lending, tables, batch

    async def days_to_close(self, connection: Connection, through_day: date) -> list[date]:
        """The days after the last finished run (or from the earliest run left unfinished, or through_day alone)
        up to through_day."""
        last = await self.tables.last_finished(connection)
        if last is not None:
            first = last + timedelta(days=1)
        else:
            first = min(await self.tables.earliest_unfinished(connection) or through_day, through_day)
        return [first + timedelta(days=n) for n in range((through_day - first).days + 1)]

    async def is_due(self, through_day: date) -> bool:
        """Whether a day up to through_day is left to close (cheap: one query, no lock)."""
        async with self.lending.pool.acquire() as connection:
            last = await self.tables.last_finished(connection)
        return last is None or last < through_day

    async def run_end_of_day(self, through_day: date) -> EndOfDayRun:
        """Close every day not closed yet up to through_day; what was done."""
        async with self.lending.pool.acquire() as connection:
            days = await self.days_to_close(connection, through_day)
            if not days:
                return EndOfDayRun(())
            await self.tables.begin(connection, days)
            loans = events = 0
            after: uuid.UUID | None = None
            while (done := await self.close_batch(connection, days, after)) is not None:
                after, closed, appended = done
                loans, events = loans + closed, events + appended
            await self.tables.finish(connection, days)
        return EndOfDayRun(tuple(days), loans, events)

    async def close_batch(self, connection: Connection, days: list[date],
                          after: uuid.UUID | None) -> tuple[uuid.UUID, int, int] | None:
        """The next batch closed through the last day, in one transaction: its last loan id, the loans closed and
        the events appended; None when no loan is left."""
        for attempt in range(1, RETRIES + 1):
            try:
                async with connection.transaction():
                    return await self.closed_batch(connection, days, after)
            except ConcurrencyConflict:
                if attempt == RETRIES:
                    raise
        raise AssertionError("unreachable")

    async def closed_batch(self, connection: Connection, days: list[date],
                           after: uuid.UUID | None) -> tuple[uuid.UUID, int, int] | None:
        """One batch's work inside the caller's transaction."""
        open_loans = await self.tables.open_loans(connection, days[-1], after, self.batch)
        if not open_loans:
            return None
        records = await self.lending.current(connection, [loan_id for loan_id, _ in open_loans])
        appends: list[StreamAppend] = []
        loans_by_day: Counter[date] = Counter()
        events_by_day: Counter[date] = Counter()
        for loan_id, closed_through in open_loans:
            its_days = [day for day in days if closed_through is None or day > closed_through]
            loans_by_day.update(its_days)
            append = self.closed_loan(records[loan_id], its_days, events_by_day)
            if append is not None:
                appends.append(append)
        await self.lending.streams.append_many(connection, appends)
        await self.tables.mark_closed(connection, [loan_id for loan_id, _ in open_loans], days[-1])
        counts = {day: (loans_by_day[day], events_by_day[day]) for day in loans_by_day}
        await self.tables.count(connection, counts)
        return open_loans[-1][0], len(open_loans), sum(events_by_day.values())

    def closed_loan(self, record: LoanRecord, days: list[date], events_by_day: Counter[date]) -> StreamAppend | None:
        """The append closing one loan's days (None: nothing to record), its events counted by day."""
        loan, made = close_days(record.loan, days, self.lending.rules.debt_groups)
        if not made:
            return None
        for day, events in made.items():
            events_by_day[day] += len(events)
        events = [event for day in sorted(made) for event in made[day]]
        return loan_append(self.lending.projection, LoanRecord(record.loan_id, record.party, loan), record.version,
                           events, metadata_of(ACTOR, Agency.BANK.value))
