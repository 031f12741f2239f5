"""The end of day's SQL: the runs by business day (end_of_day_runs) and each loan's closed_through (migration 0004),
inside the caller's connection and transaction."""

import uuid
from datetime import date

from hoanhap.postgres.connections import Connection

OPEN_LOANS = """
SELECT loan_id, closed_through FROM loans
WHERE status = 'disbursed' AND (closed_through IS NULL OR closed_through < $1) AND loan_id > $2
ORDER BY loan_id LIMIT $3 FOR UPDATE
"""
COUNTED = """
UPDATE end_of_day_runs AS runs SET loans = runs.loans + counts.loans, events = runs.events + counts.events
FROM unnest($1::date[], $2::integer[], $3::integer[]) AS counts (business_day, loans, events)
WHERE runs.business_day = counts.business_day
"""
NO_LOAN = uuid.UUID(int=0)


class PostgresEndOfDayTables:
    """EndOfDayTables over credit's PostgreSQL tables."""

    async def last_finished(self, connection: Connection) -> date | None:
        """The latest business day whose run finished (None before the first)."""
        day: date | None = await connection.fetchval(
            "SELECT max(business_day) FROM end_of_day_runs WHERE finished_at IS NOT NULL")
        return day

    async def earliest_unfinished(self, connection: Connection) -> date | None:
        """The earliest business day a run began and did not finish (None: none)."""
        day: date | None = await connection.fetchval(
            "SELECT min(business_day) FROM end_of_day_runs WHERE finished_at IS NULL")
        return day

    async def begin(self, connection: Connection, days: list[date]) -> None:
        """A run row for each of the days (one begun before and never finished is kept as it was)."""
        await connection.execute("INSERT INTO end_of_day_runs (business_day) SELECT unnest($1::date[]) "
                                 "ON CONFLICT (business_day) DO NOTHING", days)

    async def open_loans(self, connection: Connection, through_day: date, after: uuid.UUID | None,
                         size: int) -> list[tuple[uuid.UUID, date | None]]:
        """The next `size` disbursed loans (by id, after `after`) not closed through the day, with the day each is
        closed through, locked until the caller's transaction ends."""
        rows = await connection.fetch(OPEN_LOANS, through_day, after or NO_LOAN, size)
        return [(row["loan_id"], row["closed_through"]) for row in rows]

    async def mark_closed(self, connection: Connection, loan_ids: list[uuid.UUID], through_day: date) -> None:
        """The loans closed through the day, in one statement."""
        await connection.execute("UPDATE loans SET closed_through = $2 WHERE loan_id = ANY($1)", loan_ids,
                                 through_day)

    async def count(self, connection: Connection, counts: dict[date, tuple[int, int]]) -> None:
        """Add to each day's loans closed and events appended."""
        days = sorted(counts)
        await connection.execute(COUNTED, days, [counts[day][0] for day in days], [counts[day][1] for day in days])

    async def finish(self, connection: Connection, days: list[date]) -> None:
        """The days' runs finished now (those finished before keep their time)."""
        await connection.execute("UPDATE end_of_day_runs SET finished_at = now() "
                                 "WHERE business_day = ANY($1::date[]) AND finished_at IS NULL", days)
