"""Checks every loan decision shares: the state a command needs, a day not before another, a reason given, and the
schedule modules' refusals passed on as the loan's own, naming the same field."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from hoanhap_credit.domain.loan_errors import LoanConflict, LoanRuleViolation
from hoanhap_credit.domain.loan_state import Loan, LoanStatus
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation

CLOSED = frozenset({LoanStatus.REJECTED, LoanStatus.WITHDRAWN, LoanStatus.SETTLED, LoanStatus.WRITTEN_OFF})


def ensure_status(loan: Loan, allowed: set[LoanStatus], doing: str) -> None:
    """Refuse a command the loan's status does not allow, naming the status."""
    if loan.status in CLOSED:
        raise LoanConflict(f"the loan is {loan.status}: nothing more can be recorded on it (asked to {doing})")
    if loan.status not in allowed:
        raise LoanConflict(f"the loan is {loan.status}; it cannot {doing}")


def ensure_not_before(day: date, field: str, earliest: date, earliest_is: str) -> None:
    """Refuse a day before the earliest one that makes sense."""
    if day < earliest:
        raise LoanRuleViolation(field, f"{day} is before {earliest_is} ({earliest})")


def ensure_reason(reason: str) -> None:
    """A rejection, an extension or a write-off says why."""
    if not reason.strip():
        raise LoanRuleViolation("reason", "a reason is required")


@contextmanager
def schedule_rules() -> Iterator[None]:
    """Pass a schedule rule's refusal (ScheduleRuleViolation) on as a LoanRuleViolation naming the same field."""
    try:
        yield
    except ScheduleRuleViolation as refused:
        raise LoanRuleViolation(refused.field, refused.message) from refused
