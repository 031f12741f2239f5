"""Applying a payment (issue 14 item 8): overdue interest first, then interest due, overdue principal, principal
due, and then principal paid in advance; what is left over is returned, never kept as a negative debt."""

from dataclasses import dataclass

from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation


@dataclass(frozen=True)
class Owed:
    """What the borrower owes on the payment day, in VND, by part; `principal_not_due` is what may be prepaid."""

    overdue_interest: int
    interest_due: int
    overdue_principal: int
    principal_due: int
    principal_not_due: int

    def __post_init__(self) -> None:
        for field, amount in vars(self).items():
            if amount < 0:
                raise ScheduleRuleViolation(field, f"{amount} VND owed is negative")


@dataclass(frozen=True)
class Allocation:
    """What each part received, in VND, and the remainder handed back (or held) because nothing more is owed."""

    overdue_interest: int
    interest_due: int
    overdue_principal: int
    principal_due: int
    in_advance: int
    remainder: int


def allocate(payment: int, owed: Owed) -> Allocation:
    """The payment split in the order overdue interest -> interest due -> overdue principal -> principal due ->
    in advance (principal not yet due), each part taking at most what is owed on it."""
    if payment <= 0:
        raise ScheduleRuleViolation("payment", f"{payment} VND is not a payment")
    received, left = [], payment
    for owed_on_part in (owed.overdue_interest, owed.interest_due, owed.overdue_principal, owed.principal_due,
                         owed.principal_not_due):
        taken = min(left, owed_on_part)
        received.append(taken)
        left -= taken
    overdue_interest, interest_due, overdue_principal, principal_due, in_advance = received
    return Allocation(overdue_interest, interest_due, overdue_principal, principal_due, in_advance, left)
