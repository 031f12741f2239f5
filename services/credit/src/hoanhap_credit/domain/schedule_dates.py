"""The due days of a schedule: the same day of the month as the first disbursement, or the month's last day when
it has no such day (31 Jan -> 29 Feb 2024, 28 Feb 2025 -> then 31 Mar). Every due day is counted from the first
disbursement day, not from the previous due day, so a short month does not shift the days after it."""

from datetime import date
from enum import StrEnum

from hoanhap.working_days.calendar_periods import months_after
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation


class RepaymentPlan(StrEnum):
    """How often principal falls due, as agreed at approval; interest is due monthly whatever the plan."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"


PLAN_MONTHS = {RepaymentPlan.MONTHLY: 1, RepaymentPlan.QUARTERLY: 3, RepaymentPlan.HALF_YEARLY: 6}


def monthly_due_days(start: date, count: int) -> list[date]:
    """The first `count` monthly due days after `start`."""
    return [months_after(start, months) for months in range(1, count + 1)]


def principal_due_days(start: date, term_months: int, plan: RepaymentPlan) -> list[date]:
    """The principal due days over the term: every 1, 3 or 6 months from the first disbursement, the last at the
    term's end; the term must be a whole number of the plan's periods."""
    step = PLAN_MONTHS[plan]
    if term_months <= 0 or term_months % step:
        raise ScheduleRuleViolation("term_months", f"{term_months} months is not a whole number of {plan} periods "
                                                   f"of {step} month(s)")
    return [months_after(start, months) for months in range(step, term_months + 1, step)]
