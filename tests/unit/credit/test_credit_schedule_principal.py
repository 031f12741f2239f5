"""Principal instalments: equal shares with the remainder on the last, tranches, and extensions (gia hạn)."""

from datetime import date
from decimal import Decimal

import pytest

from hoanhap_credit.domain.schedule_dates import RepaymentPlan
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation
from hoanhap_credit.domain.schedule_principal import equal_shares, principal_instalments
from hoanhap_credit.domain.schedule_terms import Extension, LoanTerms, Tranche

QUARTERLY_YEAR = LoanTerms(Decimal("0.066"), 12, RepaymentPlan.QUARTERLY)


def test_the_remainder_of_the_division_falls_on_the_last_instalment() -> None:
    assert equal_shares(10_000_000, 3) == [3_333_333, 3_333_333, 3_333_334]


def test_an_amount_that_divides_exactly_gives_equal_instalments() -> None:
    assert equal_shares(12_000_000, 4) == [3_000_000] * 4


def test_a_single_tranche_is_repaid_in_equal_instalments_on_the_plans_days() -> None:
    dues = principal_instalments(QUARTERLY_YEAR, (Tranche(date(2024, 1, 31), 10_000_000),))
    assert [(d.number, d.due_on, d.amount) for d in dues] == [
        (1, date(2024, 4, 30), 2_500_000), (2, date(2024, 7, 31), 2_500_000),
        (3, date(2024, 10, 31), 2_500_000), (4, date(2025, 1, 31), 2_500_000)]


def test_a_later_tranche_is_shared_over_the_instalments_due_after_it_only() -> None:
    dues = principal_instalments(QUARTERLY_YEAR, (Tranche(date(2024, 1, 31), 8_000_000),
                                                  Tranche(date(2024, 4, 30), 3_000_000)))
    # disbursed on instalment 1's due day: that instalment is not after it, so 3 shares of 1,000,000
    assert [d.amount for d in dues] == [2_000_000, 3_000_000, 3_000_000, 3_000_000]


def test_a_tranche_the_day_before_a_due_day_shares_in_it() -> None:
    dues = principal_instalments(QUARTERLY_YEAR, (Tranche(date(2024, 1, 31), 8_000_000),
                                                  Tranche(date(2024, 4, 29), 4_000_000)))
    assert [d.amount for d in dues] == [3_000_000] * 4


def test_a_tranche_on_the_last_due_day_is_refused() -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        principal_instalments(QUARTERLY_YEAR, (Tranche(date(2024, 1, 31), 8_000_000),
                                               Tranche(date(2025, 1, 31), 1_000_000)))
    assert refused.value.field == "disbursed_on"


def test_an_extension_moves_only_its_instalments_due_day() -> None:
    dues = principal_instalments(QUARTERLY_YEAR, (Tranche(date(2024, 1, 31), 10_000_000),),
                                 (Extension(2, date(2024, 9, 15), "harvest lost to the August flood"),))
    assert [d.due_on for d in dues] == [date(2024, 4, 30), date(2024, 9, 15), date(2024, 10, 31), date(2025, 1, 31)]
    assert [d.amount for d in dues] == [2_500_000] * 4


@pytest.mark.parametrize("moved_to", [date(2024, 7, 31), date(2024, 7, 30)])
def test_an_extension_to_its_own_day_or_earlier_is_refused(moved_to: date) -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        principal_instalments(QUARTERLY_YEAR, (Tranche(date(2024, 1, 31), 10_000_000),),
                              (Extension(2, moved_to, "flood"),))
    assert refused.value.field == "due_on"


def test_an_extension_one_day_later_is_accepted() -> None:
    dues = principal_instalments(QUARTERLY_YEAR, (Tranche(date(2024, 1, 31), 10_000_000),),
                                 (Extension(2, date(2024, 8, 1), "flood"),))
    assert dues[1].due_on == date(2024, 8, 1)


@pytest.mark.parametrize("instalment", [0, 5])
def test_an_extension_of_an_instalment_the_loan_does_not_have_is_refused(instalment: int) -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        principal_instalments(QUARTERLY_YEAR, (Tranche(date(2024, 1, 31), 10_000_000),),
                              (Extension(instalment, date(2026, 1, 1), "flood"),))
    assert refused.value.field == "instalment"


def test_an_extension_without_a_reason_is_refused() -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        Extension(1, date(2024, 5, 30), "  ")
    assert refused.value.field == "reason"


@pytest.mark.parametrize("amount", [0, -1])
def test_a_tranche_of_nothing_is_refused(amount: int) -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        Tranche(date(2024, 1, 31), amount)
    assert refused.value.field == "amount"


def test_a_schedule_without_a_tranche_is_refused() -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        principal_instalments(QUARTERLY_YEAR, ())
    assert refused.value.field == "tranches"
