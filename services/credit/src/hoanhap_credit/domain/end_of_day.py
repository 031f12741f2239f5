"""The end of day of one loan (issue 14 item 9): the business steps of one business day, in order, as events.

1. Principal due before the day and unpaid is overdue (from the day after its due day), and
3. the debt group moves by the oldest unpaid instalment's days past due: one ArrearsChanged whenever the overdue
   principal or the debt group differs from the arrears last recorded (loan_arrears.arrears_on).
2. Overdue interest accrues for the day on the principal overdue that day and is posted in whole đồng
   (OverdueInterestPosted): the rounded exact total accrued up to and including the day less all posted before, so
   a day-by-day run and one catching up several days at once post the same đồng, and interest a repayment carried
   to its day (RepaymentReceived.overdue_interest_accrued) is posted by the next close.

Only disbursed loans (not settled, written off, nor before disbursement) get anything. Everything is judged from the
state, so closing the same day again makes nothing: the arrears recorded are the day's, and the exact total accrued
to the day has been posted. A day before the state's last one (a repayment or a close of a later day) makes nothing
either: the state already runs past it, and the next close catches up."""

from datetime import date

from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.debt_groups import DEFAULT_DEBT_GROUPS, DebtGroupRange, debt_group
from hoanhap_credit.domain.interest_rounding import round_half_up
from hoanhap_credit.domain.loan_arrears import arrears_changed, arrears_on, next_unpaid_due_on, recorded_arrears
from hoanhap_credit.domain.loan_owed import overdue_interest_accrued
from hoanhap_credit.domain.loan_state import Loan, LoanStatus, evolve


def close_day(loan: Loan, day: date, debt_groups: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS) \
        -> list[ev.LoanFact]:
    """The events of one loan's end of `day`: its arrears when they changed, then the day's overdue interest."""
    if not is_open_on(loan, day):
        return []
    facts: list[ev.LoanFact] = []
    arrears = arrears_on(loan, day, debt_groups)
    if arrears.differs_from(recorded_arrears(loan, day, debt_groups)):
        facts.append(arrears_changed(loan, arrears))
    posted = overdue_interest_posting(loan, day)
    return facts if posted is None else [*facts, posted]


def is_open_on(loan: Loan, day: date) -> bool:
    """Whether the loan's end of `day` may record anything: disbursed, and the state not already past the day."""
    if loan.status is not LoanStatus.DISBURSED:
        return False
    if loan.accrued_through is not None and day < loan.accrued_through:
        return False
    return loan.arrears is None or day >= loan.arrears.as_of


def overdue_interest_posting(loan: Loan, day: date) -> ev.OverdueInterestPosted | None:
    """The overdue interest to post at the end of `day`, carrying the exact total accrued to it (None: nothing)."""
    accrued = overdue_interest_accrued(loan, day)
    amount = round_half_up(accrued) - loan.overdue_interest_posted
    if amount <= 0:
        return None
    return ev.OverdueInterestPosted(posted_on=day, amount=amount, overdue_interest_accrued=str(accrued))


def needs_work(loan: Loan, day: date, debt_groups: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS) -> bool:
    """A cheap test that close_day may record something, so the runner skips most loans: False only when close_day
    surely records nothing (not open, nothing recorded overdue, all accrued interest posted, and no principal
    unpaid whose due day is before `day`). It builds the principal instalments only, no interest."""
    if not is_open_on(loan, day):
        return False
    recorded = loan.arrears
    if recorded is not None and (recorded.overdue_principal > 0 or recorded.debt_group != debt_group(0, debt_groups)):
        return True
    if round_half_up(loan.overdue_interest_accrued) > loan.overdue_interest_posted:
        return True
    unpaid_due_on = next_unpaid_due_on(loan)
    return unpaid_due_on is not None and unpaid_due_on < day


def close_days(loan: Loan, days: list[date], debt_groups: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS) \
        -> tuple[Loan, dict[date, list[ev.LoanFact]]]:
    """The loan once each of the days is closed in order, with the events of each day that made any (a day
    needs_work clears is skipped without building anything)."""
    made: dict[date, list[ev.LoanFact]] = {}
    for day in days:
        if not needs_work(loan, day, debt_groups):
            continue
        events = close_day(loan, day, debt_groups)
        for event in events:
            loan = evolve(loan, event)
        if events:
            made[day] = events
    return loan, made
