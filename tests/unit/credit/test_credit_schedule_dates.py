"""Due days: the first disbursement's day of the month, or the month's last day; plans of 1, 3 or 6 months."""

from datetime import date

import pytest

from hoanhap_credit.domain.schedule_dates import RepaymentPlan, monthly_due_days, principal_due_days
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation


def test_a_31_january_disbursement_falls_due_on_29_february_in_a_leap_year_and_31_march_after() -> None:
    assert monthly_due_days(date(2024, 1, 31), 3) == [date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30)]


def test_a_31_january_disbursement_falls_due_on_28_february_in_a_common_year() -> None:
    assert monthly_due_days(date(2025, 1, 31), 2) == [date(2025, 2, 28), date(2025, 3, 31)]


def test_a_day_every_month_has_stays_that_day_across_the_year_end() -> None:
    assert monthly_due_days(date(2024, 11, 28), 4) == [date(2024, 12, 28), date(2025, 1, 28), date(2025, 2, 28),
                                                       date(2025, 3, 28)]


def test_a_30th_falls_due_on_the_last_day_of_february_only() -> None:
    assert monthly_due_days(date(2023, 12, 30), 3) == [date(2024, 1, 30), date(2024, 2, 29), date(2024, 3, 30)]


@pytest.mark.parametrize(("plan", "expected"), [
    (RepaymentPlan.MONTHLY, [date(2024, 9, 30), date(2024, 10, 31), date(2024, 11, 30), date(2024, 12, 31),
                             date(2025, 1, 31), date(2025, 2, 28)]),
    (RepaymentPlan.QUARTERLY, [date(2024, 11, 30), date(2025, 2, 28)]),
    (RepaymentPlan.HALF_YEARLY, [date(2025, 2, 28)]),
])
def test_principal_falls_due_every_period_of_the_plan_until_the_terms_end(plan: RepaymentPlan,
                                                                         expected: list[date]) -> None:
    assert principal_due_days(date(2024, 8, 31), 6, plan) == expected


@pytest.mark.parametrize("term_months", [12, 3])
def test_a_term_of_whole_quarters_is_accepted(term_months: int) -> None:
    assert len(principal_due_days(date(2024, 1, 1), term_months, RepaymentPlan.QUARTERLY)) == term_months // 3


@pytest.mark.parametrize("term_months", [13, 2, 0, -3])
def test_a_term_that_is_not_whole_quarters_is_refused_naming_the_term(term_months: int) -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        principal_due_days(date(2024, 1, 1), term_months, RepaymentPlan.QUARTERLY)
    assert refused.value.field == "term_months"
