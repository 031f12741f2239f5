"""A loan's arrears on day D (issue 14 item 9): what the end of day records, and what a repayment will record when
it changes them. Principal paid covers the earliest due instalments first (loan_owed.overdue_principal_on), so the
oldest unpaid instalment is the first, in due-day order, that the principal paid does not cover; it is overdue from
the day after its due day (interest_overdue.overdue_from) and its days past due pick the debt group
(debt_groups.debt_group, configurable ranges)."""

from datetime import date
from decimal import Decimal
from functools import reduce

from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.arrears import Arrears
from hoanhap_credit.domain.debt_groups import DEFAULT_DEBT_GROUPS, DebtGroupRange, debt_group
from hoanhap_credit.domain.interest_overdue import days_past_due, overdue_from
from hoanhap_credit.domain.loan_owed import overdue_principal_on
from hoanhap_credit.domain.loan_state import Loan, evolve
from hoanhap_credit.domain.rates import OVERDUE_RATE_SHARE
from hoanhap_credit.domain.schedule_principal import principal_instalments
from hoanhap_credit.domain.schedule_terms import PrincipalDue


def in_order(day: date, ranges: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS) -> Arrears:
    """No arrears on `day`: nothing overdue, the first group."""
    return Arrears(day, 0, None, 0, debt_group(0, ranges))


def recorded_arrears(loan: Loan, day: date, ranges: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS) -> Arrears:
    """The arrears last recorded on the loan; a loan that never had any recorded is in order."""
    return loan.arrears if loan.arrears is not None else in_order(day, ranges)


def oldest_unpaid(dues: list[PrincipalDue], principal_paid: int) -> PrincipalDue | None:
    """The first instalment, in due-day order, that the principal paid does not wholly cover (None: all paid)."""
    covered = 0
    for due in sorted(dues, key=lambda due: due.due_on):
        covered += due.amount
        if covered > principal_paid:
            return due
    return None


def arrears_on(loan: Loan, day: date, ranges: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS) -> Arrears:
    """The loan's arrears on `day` with what it has paid so far (in order before the first disbursement)."""
    if not loan.tranches:
        return in_order(day, ranges)
    dues = principal_instalments(loan.terms, loan.tranches, loan.extensions)
    overdue = overdue_principal_on(loan, dues, day)
    oldest = oldest_unpaid(dues, loan.paid.principal)
    if overdue == 0 or oldest is None:
        return in_order(day, ranges)
    days = days_past_due(oldest.due_on, day)
    return Arrears(day, overdue, overdue_from(oldest.due_on), days, debt_group(days, ranges))


def next_unpaid_due_on(loan: Loan) -> date | None:
    """The due day of the oldest instalment not wholly paid (None: nothing disbursed or all principal paid)."""
    if not loan.tranches or loan.paid.principal >= loan.disbursed:
        return None
    oldest = oldest_unpaid(principal_instalments(loan.terms, loan.tranches, loan.extensions), loan.paid.principal)
    return None if oldest is None else oldest.due_on


def arrears_changed(loan: Loan, arrears: Arrears) -> ev.ArrearsChanged:
    """The event recording the loan's arrears, with its overdue rate (130% of its rate, exact in decimal)."""
    rate = loan.terms.annual_rate * OVERDUE_RATE_SHARE.numerator / OVERDUE_RATE_SHARE.denominator
    return ev.ArrearsChanged(as_of=arrears.as_of, overdue_principal=arrears.overdue_principal,
                             overdue_since=arrears.overdue_since, days_past_due=arrears.days_past_due,
                             debt_group=arrears.debt_group, overdue_rate=Decimal(rate))


def with_arrears_of_payment(loan: Loan, events: list[ev.LoanFact],
                            ranges: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS) -> list[ev.LoanFact]:
    """A repayment's events with, right after the payment, the loan's arrears on its day when the payment leaves
    them other than last recorded (overdue principal paid, the loan back in order): stats hears of a cure when it
    happens, not at the next end of day."""
    for position, event in enumerate(events):
        if isinstance(event, ev.RepaymentReceived):
            paid = reduce(evolve, events[:position + 1], loan)
            arrears = arrears_on(paid, event.paid_on, ranges)
            if arrears.differs_from(recorded_arrears(loan, event.paid_on, ranges)):
                return [*events[:position + 1], arrears_changed(paid, arrears), *events[position + 1:]]
    return events
