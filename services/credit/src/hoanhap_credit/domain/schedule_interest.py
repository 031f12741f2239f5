"""Interest due monthly on the outstanding principal, actual days over 365, each month's amount rounded once.

A day earns interest on the principal outstanding that day: a tranche counts from its disbursement day, a principal
instalment stops counting on its due day (the schedule assumes it is paid then). A period runs from its start day
(counted) to its due day (not counted), so its days are `(due - start).days`. Interest falls due on the same day of
each month as the first disbursement; when an extension moves principal beyond the term, the monthly days continue
and the last period ends on the last principal due day."""

from collections.abc import Callable
from datetime import date
from fractions import Fraction

from hoanhap.working_days.calendar_periods import months_after
from hoanhap_credit.domain.interest_rounding import interest_for_days, round_half_up
from hoanhap_credit.domain.schedule_terms import PrincipalDue, Tranche

BalanceChange = tuple[date, int]


def balance_changes(tranches: tuple[Tranche, ...], dues: list[PrincipalDue]) -> list[BalanceChange]:
    """The outstanding principal's changes: + a tranche on its day, - an instalment on its due day."""
    return sorted([(t.disbursed_on, t.amount) for t in tranches] + [(d.due_on, -d.amount) for d in dues])


def balance_on(day: date, changes: list[BalanceChange]) -> int:
    """The principal outstanding on a day, after that day's changes."""
    return sum(amount for changed_on, amount in changes if changed_on <= day)


def exact_interest(start: date, end: date, changes: list[BalanceChange], annual_rate: Fraction) -> Fraction:
    """Exact interest from `start` (counted) to `end` (not counted), segment by segment of constant principal."""
    return interest_between(start, end, changes, lambda day: balance_on(day, changes), annual_rate)


def interest_between(start: date, end: date, changes: list[BalanceChange], principal_on: Callable[[date], int],
                     annual_rate: Fraction) -> Fraction:
    """Exact interest from `start` (counted) to `end` (not counted) on `principal_on(day)`, which may change only on
    the days of `changes`: summed segment by segment of constant principal."""
    cuts = sorted({start, end, *(day for day, _ in changes if start < day < end)})
    return sum((interest_for_days(principal_on(a), annual_rate, (b - a).days)
                for a, b in zip(cuts, cuts[1:], strict=False)), Fraction(0))


def interest_due_days(first_disbursed_on: date, last_principal_due_on: date) -> list[date]:
    """The monthly interest due days until the last principal due day, which ends the last period."""
    days: list[date] = []
    while not days or days[-1] < last_principal_due_on:
        days.append(months_after(first_disbursed_on, len(days) + 1))
    return days[:-1] + [last_principal_due_on]


def monthly_interest(tranches: tuple[Tranche, ...], dues: list[PrincipalDue],
                     annual_rate: Fraction) -> list[tuple[date, int]]:
    """Each interest due day with its interest in whole đồng (half up, once per period)."""
    first = min(t.disbursed_on for t in tranches)
    changes = balance_changes(tranches, dues)
    due_days = interest_due_days(first, max(d.due_on for d in dues))
    return [(end, round_half_up(exact_interest(start, end, changes, annual_rate)))
            for start, end in zip([first, *due_days], due_days, strict=False)]
