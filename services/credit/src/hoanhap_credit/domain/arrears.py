"""A loan's arrears on a day (issue 14 item 9): the principal overdue, since when, its days past due and the debt
group those days put the loan in. Principal paid covers the earliest instalments first (loan_owed), so the days past
due are the oldest unpaid instalment's (interest_overdue.days_past_due)."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Arrears:
    """The arrears as of a day; overdue_principal 0 (overdue_since None, 0 days) in the first group is in order."""

    as_of: date
    overdue_principal: int
    overdue_since: date | None
    days_past_due: int
    debt_group: int

    def differs_from(self, other: "Arrears") -> bool:
        """Whether these arrears are news against `other`: another overdue principal or another debt group (the days
        past due change daily and are not news by themselves)."""
        return (self.overdue_principal, self.debt_group) != (other.overdue_principal, other.debt_group)
