"""The poor-household lending rate in force, by effective date, and the overdue rate it implies.

Decision 22/2023/QĐ-TTg (article to verify) lends at the poor-household rate in force, which changes by decision, so
the rates are configuration: a list of (effective from, annual rate). The default is 6.6%/year; its start date here
is the Decision's entry into force (10 Oct 2023), unverified as the date the bank's 6.6% took effect.

Which day picks the rate: the FIRST DISBURSEMENT day. The bank's rate notices apply a new rate to loans disbursed
from its date, so an approved loan not yet paid out takes the new rate; later tranches keep the loan's rate, so a
loan has one rate for its whole life and its schedule one price."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation

# Decision 22/2023/QĐ-TTg (article to verify): overdue interest is 130% of the loan's interest rate.
OVERDUE_RATE_SHARE = Fraction(130, 100)


@dataclass(frozen=True)
class RateInForce:
    """An annual rate (0.066 is 6.6%/year) for loans first disbursed on or after `effective_from`."""

    effective_from: date
    annual_rate: Decimal


@dataclass(frozen=True)
class RateTable:
    """The poor-household rates over time, oldest first; dates strictly increase, rates lie in (0, 1)."""

    rates: tuple[RateInForce, ...]

    def __post_init__(self) -> None:
        if not self.rates:
            raise ScheduleRuleViolation("rates", "at least one rate is needed")
        for earlier, later in zip(self.rates, self.rates[1:], strict=False):
            if later.effective_from <= earlier.effective_from:
                raise ScheduleRuleViolation("rates", f"{later.effective_from} does not follow "
                                                     f"{earlier.effective_from}; list the rates oldest first")
        for rate in self.rates:
            if not 0 < rate.annual_rate < 1:
                raise ScheduleRuleViolation("annual_rate", f"{rate.annual_rate} is not between 0 and 1 (0.066 is 6.6%)")


DEFAULT_POOR_HOUSEHOLD_RATES = RateTable((RateInForce(date(2023, 10, 10), Decimal("0.066")),))


def loan_rate(table: RateTable, first_disbursed_on: date) -> Decimal:
    """The rate of a loan: the one in force on its first disbursement day (that day included)."""
    in_force = [rate for rate in table.rates if rate.effective_from <= first_disbursed_on]
    if not in_force:
        raise ScheduleRuleViolation("first_disbursed_on", f"no rate is in force on {first_disbursed_on}; the "
                                                          f"first starts on {table.rates[0].effective_from}")
    return in_force[-1].annual_rate


def overdue_rate(rate_of_loan: Decimal) -> Fraction:
    """The overdue rate, exact: 130% of the loan's rate (Decision 22/2023/QĐ-TTg, article to verify)."""
    return Fraction(rate_of_loan) * OVERDUE_RATE_SHARE
