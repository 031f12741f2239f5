"""An extension's new due day has bounds: not before the day it is asked nor the last repayment or end of day, and
no later than the term's end plus the longest extension (LendingLimits.max_extension_months)."""

from dataclasses import replace
from datetime import date

import pytest

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain.lending_limits import DEFAULT_LIMITS
from hoanhap_credit.domain.loan_decide import decide
from hoanhap_credit.domain.loan_errors import LoanRuleViolation
from tests.unit.credit.credit_end_of_day import closed_each_day
from tests.unit.credit.credit_loans import RATES, disbursed, repay, step


def extend(due_on: date, instalment: int = 1, asked_on: date | None = None) -> cmd.ExtendInstalment:
    return cmd.ExtendInstalment(instalment, due_on, "flood", "supervisor", asked_on)


def refused_field(loan, command: cmd.ExtendInstalment, limits=DEFAULT_LIMITS) -> str:
    with pytest.raises(LoanRuleViolation) as refused:
        decide(loan, command, RATES, limits)
    return refused.value.field


def test_an_extension_to_a_day_before_the_end_of_day_closed_is_refused_at_due_on() -> None:
    loan, _ = closed_each_day(disbursed(), date(2025, 6, 1), date(2025, 8, 10))
    assert refused_field(loan, extend(date(2025, 8, 1))) == "due_on"
    step(loan, extend(date(2025, 8, 10)))


def test_an_extension_to_a_day_before_the_last_repayment_is_refused_at_due_on() -> None:
    loan, _ = step(disbursed(), repay("p1", date(2025, 7, 20), 500_000))
    with pytest.raises(LoanRuleViolation, match="before the last repayment or end of day"):
        decide(loan, extend(date(2025, 7, 19)), RATES)
    step(loan, extend(date(2025, 7, 20)))


def test_an_extension_to_a_day_before_it_is_asked_is_refused_at_due_on() -> None:
    assert refused_field(disbursed(), extend(date(2025, 7, 9), asked_on=date(2025, 7, 10))) == "due_on"
    step(disbursed(), extend(date(2025, 7, 10), asked_on=date(2025, 7, 10)))


def test_an_extension_beyond_the_term_plus_the_longest_extension_is_refused_at_due_on() -> None:
    # A 12-month loan first disbursed on 1 June 2025: its term ends on 1 June 2026, the default allows 12 months more.
    step(disbursed(), extend(date(2027, 6, 1), instalment=2))
    assert refused_field(disbursed(), extend(date(2027, 6, 2), instalment=2)) == "due_on"
    assert refused_field(disbursed(), extend(date(2100, 12, 31), instalment=2)) == "due_on"
    shorter = replace(DEFAULT_LIMITS, max_extension_months=1)
    decide(disbursed(), extend(date(2026, 7, 1), instalment=2), RATES, shorter)
    assert refused_field(disbursed(), extend(date(2026, 7, 2), instalment=2), shorter) == "due_on"
