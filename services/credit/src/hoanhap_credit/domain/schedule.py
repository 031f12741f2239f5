"""A loan's repayment schedule (issue 14 item 7): principal by instalments on the agreed plan, interest monthly on
the outstanding principal, integer VND rounded by the one rule of interest_rounding (half up, once per amount due).

The rate is the loan's, fixed at its first disbursement (rates.loan_rate): Decision 22/2023/QĐ-TTg prices these loans
at the poor-household rate (article to verify)."""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from hoanhap_credit.domain.schedule_interest import monthly_interest
from hoanhap_credit.domain.schedule_principal import principal_instalments
from hoanhap_credit.domain.schedule_terms import Extension, LoanTerms, Tranche


@dataclass(frozen=True)
class ScheduleLine:
    """What falls due on one day: principal and interest in VND, and the principal outstanding after it is paid."""

    due_on: date
    principal: int
    interest: int
    outstanding_after: int


def repayment_schedule(terms: LoanTerms, tranches: tuple[Tranche, ...],
                       extensions: tuple[Extension, ...] = ()) -> list[ScheduleLine]:
    """The schedule, one line per due day in day order (a day with principal, interest or both)."""
    dues = principal_instalments(terms, tranches, extensions)
    principal_by_day: dict[date, int] = {}
    for due in dues:
        principal_by_day[due.due_on] = principal_by_day.get(due.due_on, 0) + due.amount
    interest_by_day = dict(monthly_interest(tranches, dues, Fraction(terms.annual_rate)))
    lines, outstanding = [], sum(t.amount for t in tranches)
    for day in sorted(principal_by_day.keys() | interest_by_day.keys()):
        outstanding -= principal_by_day.get(day, 0)
        lines.append(ScheduleLine(day, principal_by_day.get(day, 0), interest_by_day.get(day, 0), outstanding))
    return lines
