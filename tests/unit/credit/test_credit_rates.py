"""The rate in force by the first disbursement day, and the overdue rate at 130% of the loan's rate."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from hoanhap_credit.domain.rates import (
    DEFAULT_POOR_HOUSEHOLD_RATES,
    RateInForce,
    RateTable,
    loan_rate,
    overdue_rate,
)
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation

# A made-up change to test with: 6.6% until 28 Feb 2025, 6.9% from 1 Mar 2025.
CHANGED = RateTable((RateInForce(date(2023, 10, 10), Decimal("0.066")),
                     RateInForce(date(2025, 3, 1), Decimal("0.069"))))


def test_the_default_is_six_point_six_percent() -> None:
    assert loan_rate(DEFAULT_POOR_HOUSEHOLD_RATES, date(2024, 6, 1)) == Decimal("0.066")


def test_a_loan_first_disbursed_the_day_before_a_change_keeps_the_old_rate() -> None:
    assert loan_rate(CHANGED, date(2025, 2, 28)) == Decimal("0.066")


def test_a_loan_first_disbursed_on_the_day_of_a_change_takes_the_new_rate() -> None:
    assert loan_rate(CHANGED, date(2025, 3, 1)) == Decimal("0.069")


def test_a_day_before_any_rate_is_in_force_is_refused() -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        loan_rate(CHANGED, date(2023, 10, 9))
    assert refused.value.field == "first_disbursed_on"


def test_the_first_rates_own_day_is_in_force() -> None:
    assert loan_rate(CHANGED, date(2023, 10, 10)) == Decimal("0.066")


def test_the_overdue_rate_is_130_percent_of_the_loans_rate_exactly() -> None:
    assert overdue_rate(Decimal("0.066")) == Fraction(858, 10000)
    assert overdue_rate(Decimal("0.069")) == Fraction(897, 10000)


def test_rates_out_of_date_order_are_refused() -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        RateTable((RateInForce(date(2025, 3, 1), Decimal("0.069")), RateInForce(date(2025, 3, 1), Decimal("0.066"))))
    assert refused.value.field == "rates"


@pytest.mark.parametrize("rate", ["0", "1", "6.6", "-0.066"])
def test_a_rate_outside_zero_and_one_is_refused(rate: str) -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        RateTable((RateInForce(date(2025, 3, 1), Decimal(rate)),))
    assert refused.value.field == "annual_rate"


@pytest.mark.parametrize("rate", ["0.0001", "0.9999"])
def test_a_rate_just_inside_zero_and_one_is_accepted(rate: str) -> None:
    assert RateTable((RateInForce(date(2025, 3, 1), Decimal(rate)),)).rates[0].annual_rate == Decimal(rate)


def test_an_empty_table_is_refused() -> None:
    with pytest.raises(ScheduleRuleViolation):
        RateTable(())
