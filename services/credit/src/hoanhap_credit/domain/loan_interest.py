"""A loan's interest on the principal it ACTUALLY owes (issue 14 item 7), where the schedule only plans it.

The schedule (schedule_interest) prices each monthly period on the planned balance. What the borrower owes is priced
day by day on the principal outstanding that day and not overdue: the smaller of the balance actually outstanding
(disbursed so far less principal repaid so far) and the planned balance. Principal repaid early so lowers every later
day's interest; principal left unpaid past its due day earns overdue interest instead (interest_overdue, 130 %), not
the loan's rate as well. A loan repaid exactly on its due days owes exactly the schedule's interest.

Days follow the schedule's period convention: a period counts its first day, not its last. A balance change counts
from its own day, so the day of a repayment or a disbursement earns interest on the balance after it. Each amount is
rounded once by the one rule (interest_rounding.round_half_up)."""

from datetime import date
from fractions import Fraction

from hoanhap_credit.domain.interest_rounding import round_half_up
from hoanhap_credit.domain.loan_state import Loan
from hoanhap_credit.domain.schedule_interest import (
    BalanceChange,
    balance_changes,
    balance_on,
    interest_between,
    interest_due_days,
)
from hoanhap_credit.domain.schedule_principal import principal_instalments


def actual_changes(loan: Loan) -> list[BalanceChange]:
    """The balance actually outstanding's changes: + a tranche on its day, - principal repaid on its payment day."""
    return sorted([(t.disbursed_on, t.amount) for t in loan.tranches]
                  + [(paid_on, -amount) for paid_on, amount in loan.principal_repaid if amount])


class Priced:
    """A loan's balances as its interest is priced: the planned and the actual balance's changes, worked out once
    for all the periods of one question."""

    def __init__(self, loan: Loan) -> None:
        dues = principal_instalments(loan.terms, loan.tranches, loan.extensions)
        self.planned = balance_changes(loan.tranches, dues)
        self.actual = actual_changes(loan)
        self.rate = Fraction(loan.terms.annual_rate)
        first = min(t.disbursed_on for t in loan.tranches)
        due_days = interest_due_days(first, max(due.due_on for due in dues))
        self.periods = list(zip([first, *due_days], due_days, strict=False))

    def principal_on(self, day: date) -> int:
        """The principal outstanding and not overdue on the day."""
        return min(balance_on(day, self.planned), balance_on(day, self.actual))

    def interest(self, start: date, end: date) -> Fraction:
        """Exact interest from `start` (counted) to `end` (not counted)."""
        return interest_between(start, end, self.planned + self.actual, self.principal_on, self.rate)


def interest_fallen_due(loan: Loan, day: date) -> int:
    """The interest of every period whose due day is `day` or earlier, each period rounded once (nothing before the
    first disbursement)."""
    if not loan.tranches:
        return 0
    return fallen_due(Priced(loan), day)


def fallen_due(priced: Priced, day: date) -> int:
    """The interest of the periods whose due day is `day` or earlier, each rounded once."""
    return sum(round_half_up(priced.interest(start, end)) for start, end in priced.periods if end <= day)


def interest_to_pay_off(loan: Loan, day: date) -> int:
    """The interest fallen due by `day` plus what has accrued since the last interest due day, that due day counted
    and `day` (the payoff day) not: what a payoff on `day` must include. The running period's accrual is rounded once,
    and equals that period's interest due later when nothing is outstanding after the payoff."""
    if not loan.tranches:
        return 0
    priced = Priced(loan)
    accrued = sum(round_half_up(priced.interest(start, day)) for start, end in priced.periods if start < day < end)
    return fallen_due(priced, day) + accrued
