"""Overdue: from the day after the due day, 130% of the loan's rate on the overdue principal, actual/365, exact per
day and rounded only when posted, so a day-by-day run and a one-step catch-up post the same đồng."""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from hoanhap_credit.domain.interest_overdue import (
    days_past_due,
    overdue_from,
    overdue_interest_between,
    overdue_interest_per_day,
    posting,
)
from hoanhap_credit.domain.interest_rounding import round_half_up
from tests.unit.credit.hand_reckoning import half_up

DUE = date(2025, 2, 15)  # instalment 1 (3,000,000) of a 9,000,000 loan at 6.6% disbursed 15 Jan 2025, unpaid


def test_principal_is_not_overdue_on_its_due_day() -> None:
    assert days_past_due(DUE, DUE) == 0
    assert days_past_due(DUE, DUE - timedelta(days=1)) == 0


def test_principal_is_one_day_overdue_the_day_after_its_due_day() -> None:
    assert overdue_from(DUE) == date(2025, 2, 16)
    assert days_past_due(DUE, date(2025, 2, 16)) == 1


def test_forty_days_overdue_on_27_march_earn_130_percent_of_the_loans_rate() -> None:
    today = date(2025, 3, 27)  # 13 days of February 2025 after the 15th, and 27 of March
    assert days_past_due(DUE, today) == 40
    accrued = overdue_interest_between(3_000_000, Decimal("0.066"), overdue_from(DUE), today)
    # by hand: 3,000,000 × (6.6% × 1.3 = 8.58%) × 40 / 365 = 28,208.22
    assert half_up(Fraction(3_000_000) * Fraction("0.0858") * 40 / 365) == 28_208
    assert round_half_up(accrued) == 28_208


def test_nothing_accrues_on_the_due_day_and_one_day_on_the_day_after() -> None:
    assert overdue_interest_between(3_000_000, Decimal("0.066"), overdue_from(DUE), DUE) == 0
    assert overdue_interest_between(3_000_000, Decimal("0.066"), overdue_from(DUE), overdue_from(DUE)) == \
        Fraction(3_000_000) * Fraction("0.0858") / 365


def test_a_leap_day_accrues_a_days_overdue_interest() -> None:
    across = overdue_interest_between(1_000_000, Decimal("0.066"), date(2024, 2, 28), date(2024, 3, 1))
    assert across == 3 * overdue_interest_per_day(1_000_000, Decimal("0.066"))


def test_posting_day_by_day_for_forty_days_posts_what_one_step_posts() -> None:
    per_day = overdue_interest_per_day(3_000_000, Decimal("0.066"))
    accrued, posted = Fraction(0), 0
    for _ in range(40):
        posted += posting(accrued, per_day)
        accrued += per_day
    assert posted == 28_208


@given(st.lists(st.tuples(st.integers(0, 2_000_000_000), st.integers(1, 200)), min_size=1, max_size=6),
       st.sampled_from(["0.066", "0.069", "0.0725", "0.05"]))
def test_any_run_of_days_posts_the_same_dong_by_day_or_in_one_step(stretches: list[tuple[int, int]],
                                                                   rate: str) -> None:
    """Each stretch: an overdue principal held for some days (it changes as payments come in)."""
    accrued, posted_daily = Fraction(0), 0
    for principal, days in stretches:
        for _ in range(days):
            posted_daily += posting(accrued, overdue_interest_per_day(principal, Decimal(rate)))
            accrued += overdue_interest_per_day(principal, Decimal(rate))
    one_step = sum((Fraction(p) * Fraction(rate) * Fraction(13, 10) * d / 365 for p, d in stretches), Fraction(0))
    assert posted_daily == half_up(one_step)


def test_a_catch_up_over_three_missed_days_posts_what_three_daily_runs_post() -> None:
    start = Fraction(12_345, 7)  # exact interest accrued before the missed days
    three_days = overdue_interest_between(7_777_777, Decimal("0.066"), date(2025, 3, 1), date(2025, 3, 3))
    daily = overdue_interest_per_day(7_777_777, Decimal("0.066"))
    assert posting(start, three_days) == sum(posting(start + k * daily, daily) for k in range(3))
