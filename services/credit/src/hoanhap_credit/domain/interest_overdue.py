"""Overdue interest (issue 14 items 5 and 9): principal not paid by its due day is overdue from the day after, and
earns overdue interest daily at 130% of the loan's rate (rates.overdue_rate, Decision 22/2023/QĐ-TTg, article to
verify), actual/365.

A day's accrual is an exact Fraction; rounding happens only when an amount is posted. An end-of-day job keeps the
exact total accrued so far and posts, for each day, round(total after) - round(total before): the postings of any run
of days then add up to the rounded total, so a job run day by day and one catching up a range at once post the
same đồng."""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hoanhap_credit.domain.interest_rounding import interest_for_days, round_half_up
from hoanhap_credit.domain.rates import overdue_rate


def overdue_from(due_on: date) -> date:
    """The first day principal unpaid on its due day is overdue: the day after."""
    return due_on + timedelta(days=1)


def days_past_due(due_on: date, today: date) -> int:
    """Days overdue on `today`: 0 on the due day and before, 1 on the day after."""
    return max((today - due_on).days, 0)


def overdue_interest_per_day(overdue_principal: int, rate_of_loan: Decimal) -> Fraction:
    """One day's overdue interest on an overdue principal, exact."""
    return interest_for_days(overdue_principal, overdue_rate(rate_of_loan), 1)


def overdue_interest_between(overdue_principal: int, rate_of_loan: Decimal, first_day: date,
                             last_day: date) -> Fraction:
    """Exact overdue interest for the days from `first_day` to `last_day`, both included (none if reversed)."""
    days = max((last_day - first_day).days + 1, 0)
    return interest_for_days(overdue_principal, overdue_rate(rate_of_loan), days)


def posting(accrued_before: Fraction, accrued_now: Fraction) -> int:
    """The whole đồng to post for an accrual, given the exact total accrued before it: the rounded total after
    minus the rounded total before, so postings never drift from the rounded exact total."""
    return round_half_up(accrued_before + accrued_now) - round_half_up(accrued_before)
