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

from hoanhap_credit.domain.interest_rounding import interest_for_days, round_half_up
from hoanhap_credit.domain.loan_state import Loan
from hoanhap_credit.domain.schedule_interest import BalanceChange, balance_changes, balance_on, interest_due_days
from hoanhap_credit.domain.schedule_principal import principal_instalments


def actual_changes(loan: Loan) -> list[BalanceChange]:
    """The balance actually outstanding's changes: + a tranche on its day, - principal repaid on its payment day."""
    return sorted([(t.disbursed_on, t.amount) for t in loan.tranches]
                  + [(paid_on, -amount) for paid_on, amount in loan.principal_repaid if amount])


def interest_on_actual(loan: Loan, start: date, end: date) -> Fraction:
    """Exact interest from `start` (counted) to `end` (not counted) on the principal outstanding and not overdue,
    segment by segment of constant balance."""
    planned = balance_changes(loan.tranches, principal_instalments(loan.terms, loan.tranches, loan.extensions))
    actual = actual_changes(loan)
    cuts = sorted({start, end, *(day for day, _ in planned + actual if start < day < end)})
    rate = Fraction(loan.terms.annual_rate)
    return sum((interest_for_days(min(balance_on(a, planned), balance_on(a, actual)), rate, (b - a).days)
                for a, b in zip(cuts, cuts[1:], strict=False)), Fraction(0))


def interest_periods(loan: Loan) -> list[tuple[date, date]]:
    """The monthly interest periods (first day, due day), as the schedule has them."""
    first = min(t.disbursed_on for t in loan.tranches)
    dues = principal_instalments(loan.terms, loan.tranches, loan.extensions)
    due_days = interest_due_days(first, max(d.due_on for d in dues))
    return list(zip([first, *due_days], due_days, strict=False))


def interest_fallen_due(loan: Loan, day: date) -> int:
    """The interest of every period whose due day is `day` or earlier, each period rounded once (nothing before the
    first disbursement)."""
    if not loan.tranches:
        return 0
    return sum(round_half_up(interest_on_actual(loan, start, end)) for start, end in interest_periods(loan)
               if end <= day)


def interest_to_pay_off(loan: Loan, day: date) -> int:
    """The interest fallen due by `day` plus what has accrued since the last interest due day, that due day counted
    and `day` (the payoff day) not: what a payoff on `day` must include. The running period's accrual is rounded once,
    and equals that period's interest due later when nothing is outstanding after the payoff."""
    if not loan.tranches:
        return 0
    running = [(start, end) for start, end in interest_periods(loan) if start < day < end]
    accrued = sum(round_half_up(interest_on_actual(loan, start, day)) for start, _ in running)
    return interest_fallen_due(loan, day) + accrued
