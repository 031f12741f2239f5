"""A batch of credit events folded in memory: each loan's row after the batch, its state at the end of each day it
changed on, and the commune totals it moves.

Free of I/O; an event about a loan stats never saw applied for is left out (a borrower's loan events share a
partition, so they arrive in order). See lifecycle.py for how each event changes a loan.
"""

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import hoanhap.contracts as c
from hoanhap_stats.credit.lifecycle import evolve
from hoanhap_stats.credit.loans import OUTSTANDING, LoanDay, LoanRow, LoanStatus, applied, day_of
from hoanhap_stats.projecting.commune_totals import Delta

LOANS_OUTSTANDING = "loans_outstanding"
LOANS_OVERDUE = "loans_overdue"


@dataclass(slots=True)
class CreditWrites:
    """The batch's loans as they end it, their state at the end of each day they changed on (the last change of a
    day wins), and every change to a commune figure in event order."""

    loans: dict[UUID, LoanRow] = field(default_factory=dict)
    days: dict[tuple[UUID, date], LoanDay] = field(default_factory=dict)
    deltas: list[Delta] = field(default_factory=list)


def fold(known: dict[UUID, LoanRow], events: list[c.IntegrationEvent]) -> CreditWrites:
    """The batch's writes and figure changes; known is updated to the state after the batch."""
    writes = CreditWrites()
    for event in events:
        if not isinstance(event, c.CreditEvent):
            continue
        before = known.get(event.loan_id)
        after = applied(event) if before is None else evolve(before, event)
        if after is None or after == before:
            continue
        known[event.loan_id] = writes.loans[event.loan_id] = after
        day = day_of(after)
        writes.days[day.loan_id, day.on_day] = day
        writes.deltas += figure_changes(before, after)
    return writes


def figure_changes(before: LoanRow | None, after: LoanRow) -> list[Delta]:
    """How the loan moved its commune's counts of outstanding and of overdue loans."""
    return [Delta(figure, after.province_code, after.commune_code, counted(after, statuses) - counted(before, statuses))
            for figure, statuses in ((LOANS_OUTSTANDING, OUTSTANDING), (LOANS_OVERDUE, {LoanStatus.OVERDUE}))]


def counted(loan: LoanRow | None, statuses: frozenset[LoanStatus] | set[LoanStatus]) -> int:
    """1 when the loan is in one of the statuses, else 0."""
    return int(loan is not None and loan.status in statuses)
