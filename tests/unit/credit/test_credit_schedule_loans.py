"""Must show (issue 14): for a handful of loans, every instalment's principal and interest equals the tests' own
reckoning (hand_reckoning: day by day, rounded by Decimal), with the due days and balances written out by hand."""

from datetime import date
from decimal import Decimal

from hoanhap_credit.domain.rates import RateInForce, RateTable, loan_rate
from hoanhap_credit.domain.schedule import repayment_schedule
from hoanhap_credit.domain.schedule_dates import RepaymentPlan
from hoanhap_credit.domain.schedule_terms import Extension, LoanTerms, Tranche
from tests.unit.credit.hand_reckoning import interest_by_days

Line = tuple[date, int, int]  # due day, principal, interest


def hand_lines(start: date, interest_days: list[date], principal: dict[date, int],
               changes: list[tuple[date, int]], rate: str) -> list[Line]:
    """Each due day with its principal (written by hand) and its interest (reckoned day by day)."""
    interest = {end: interest_by_days(begin, end, changes, rate)
                for begin, end in zip([start, *interest_days], interest_days, strict=False)}
    return [(day, principal.get(day, 0), interest.get(day, 0)) for day in sorted(interest.keys() | principal.keys())]


def lines_of(terms: LoanTerms, tranches: tuple[Tranche, ...], extensions: tuple[Extension, ...] = ()) -> list[Line]:
    return [(line.due_on, line.principal, line.interest) for line in repayment_schedule(terms, tranches, extensions)]


def test_a_31_january_loan_in_a_leap_year_falls_due_on_29_february_and_each_months_last_day() -> None:
    days = [date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30), date(2024, 5, 31), date(2024, 6, 30),
            date(2024, 7, 31)]
    changes = [(date(2024, 1, 31), 12_000_000)] + [(day, -2_000_000) for day in days]
    expected = hand_lines(date(2024, 1, 31), days, dict.fromkeys(days, 2_000_000), changes, "0.066")
    got = lines_of(LoanTerms(Decimal("0.066"), 6, RepaymentPlan.MONTHLY), (Tranche(date(2024, 1, 31), 12_000_000),))
    assert got == expected
    assert got[0] == (date(2024, 2, 29), 2_000_000, 62_926)  # 12,000,000 × 6.6% × 29 / 365 = 62,926.03


RATES = RateTable((RateInForce(date(2023, 10, 10), Decimal("0.066")), RateInForce(date(2025, 3, 1), Decimal("0.069"))))


def test_two_loans_either_side_of_a_rate_change_are_each_priced_at_their_own_rate() -> None:
    before = lines_of(LoanTerms(loan_rate(RATES, date(2025, 2, 28)), 6, RepaymentPlan.QUARTERLY),
                      (Tranche(date(2025, 2, 28), 30_000_000),))
    after = lines_of(LoanTerms(loan_rate(RATES, date(2025, 3, 1)), 3, RepaymentPlan.MONTHLY),
                     (Tranche(date(2025, 3, 1), 12_000_000),))
    before_days = [date(2025, 3, 28), date(2025, 4, 28), date(2025, 5, 28), date(2025, 6, 28), date(2025, 7, 28),
                   date(2025, 8, 28)]
    before_principal = {date(2025, 5, 28): 15_000_000, date(2025, 8, 28): 15_000_000}
    before_changes = [(date(2025, 2, 28), 30_000_000), (date(2025, 5, 28), -15_000_000),
                      (date(2025, 8, 28), -15_000_000)]
    assert before == hand_lines(date(2025, 2, 28), before_days, before_principal, before_changes, "0.066")
    after_days = [date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1)]
    after_changes = [(date(2025, 3, 1), 12_000_000)] + [(day, -4_000_000) for day in after_days]
    assert after == hand_lines(date(2025, 3, 1), after_days, dict.fromkeys(after_days, 4_000_000), after_changes,
                               "0.069")
    assert after[0] == (date(2025, 4, 1), 4_000_000, 70_323)  # 12,000,000 × 6.9% × 31 / 365 = 70,323.29


def test_an_extended_instalment_keeps_its_principal_earning_interest_until_its_new_day() -> None:
    got = lines_of(LoanTerms(Decimal("0.066"), 6, RepaymentPlan.QUARTERLY), (Tranche(date(2024, 11, 30), 20_000_000),),
                   (Extension(1, date(2025, 4, 15), "crops lost to the flood"),))
    days = [date(2024, 12, 30), date(2025, 1, 30), date(2025, 2, 28), date(2025, 3, 30), date(2025, 4, 30),
            date(2025, 5, 30)]
    principal = {date(2025, 4, 15): 10_000_000, date(2025, 5, 30): 10_000_000}
    changes = [(date(2024, 11, 30), 20_000_000), (date(2025, 4, 15), -10_000_000), (date(2025, 5, 30), -10_000_000)]
    assert got == hand_lines(date(2024, 11, 30), days, principal, changes, "0.066")
    # 30 Jan to 28 Feb: 29 days of 20,000,000 = 104,876.7; the principal moved off 28 Feb
    assert (date(2025, 2, 28), 0, 104_877) in got
    # 30 Mar to 30 Apr: 20,000,000 for 16 days and 10,000,000 for 15 days
    assert (date(2025, 4, 30), 0, 84_986) in got


def test_an_extension_past_the_term_continues_monthly_interest_to_the_new_day() -> None:
    got = lines_of(LoanTerms(Decimal("0.066"), 3, RepaymentPlan.MONTHLY), (Tranche(date(2024, 1, 31), 9_000_000),),
                   (Extension(3, date(2024, 6, 10), "illness in the household"),))
    days = [date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30), date(2024, 5, 31), date(2024, 6, 10)]
    principal = {date(2024, 2, 29): 3_000_000, date(2024, 3, 31): 3_000_000, date(2024, 6, 10): 3_000_000}
    changes = [(date(2024, 1, 31), 9_000_000)] + [(day, -amount) for day, amount in principal.items()]
    assert got == hand_lines(date(2024, 1, 31), days, principal, changes, "0.066")


def test_a_loan_in_two_tranches_earns_on_each_from_its_own_day() -> None:
    got = lines_of(LoanTerms(Decimal("0.066"), 6, RepaymentPlan.MONTHLY),
                   (Tranche(date(2024, 3, 10), 10_000_000), Tranche(date(2024, 5, 20), 6_000_000)))
    days = [date(2024, month, 10) for month in range(4, 10)]
    principal = {days[0]: 1_666_666, days[1]: 1_666_666, days[2]: 3_166_666, days[3]: 3_166_666,
                 days[4]: 3_166_666, days[5]: 3_166_670}
    changes = [(date(2024, 3, 10), 10_000_000), (date(2024, 5, 20), 6_000_000)]
    changes += [(day, -amount) for day, amount in principal.items()]
    assert got == hand_lines(date(2024, 3, 10), days, principal, changes, "0.066")


def test_a_loan_overdue_40_days_has_the_schedule_it_was_agreed_with() -> None:
    got = lines_of(LoanTerms(Decimal("0.066"), 3, RepaymentPlan.MONTHLY), (Tranche(date(2025, 1, 15), 9_000_000),))
    days = [date(2025, 2, 15), date(2025, 3, 15), date(2025, 4, 15)]
    changes = [(date(2025, 1, 15), 9_000_000)] + [(day, -3_000_000) for day in days]
    assert got == hand_lines(date(2025, 1, 15), days, dict.fromkeys(days, 3_000_000), changes, "0.066")


def test_the_outstanding_principal_after_each_line_ends_at_nothing() -> None:
    lines = repayment_schedule(LoanTerms(Decimal("0.066"), 12, RepaymentPlan.HALF_YEARLY),
                               (Tranche(date(2024, 8, 31), 10_000_001),))
    assert [line.outstanding_after for line in lines if line.principal] == [5_000_001, 0]
    assert [line.principal for line in lines if line.principal] == [5_000_000, 5_000_001]
