"""Closing days on a loan for the end-of-day tests: each close's events applied to the loan, as the runner does."""

from datetime import date, timedelta

from hoanhap_credit.domain.debt_groups import DEFAULT_DEBT_GROUPS, DebtGroupRange
from hoanhap_credit.domain.end_of_day import close_day
from hoanhap_credit.domain.loan_events import LoanFact, OverdueInterestPosted
from hoanhap_credit.domain.loan_state import Loan, evolve


def closed(loan: Loan, day: date, ranges: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS) \
        -> tuple[Loan, list[LoanFact]]:
    """The loan after the end of `day`, with the events it made."""
    events = close_day(loan, day, ranges)
    for event in events:
        loan = evolve(loan, event)
    return loan, events


def closed_each_day(loan: Loan, first: date, last: date) -> tuple[Loan, list[LoanFact]]:
    """The loan after closing every day from `first` to `last`, both included, with every event made."""
    history: list[LoanFact] = []
    day = first
    while day <= last:
        loan, events = closed(loan, day)
        history += events
        day += timedelta(days=1)
    return loan, history


def posted(events: list[LoanFact]) -> int:
    """The overdue interest the events posted (VND)."""
    return sum(event.amount for event in events if isinstance(event, OverdueInterestPosted))
