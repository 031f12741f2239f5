"""A loan's schedule as bank staff and borrowers read it: every due day with its principal and interest, and
whether it is paid, due or overdue today. What was paid covers the earliest amounts first (loan_owed), principal
and interest each on their own."""

from dataclasses import dataclass
from datetime import date

from hoanhap_credit.domain.loan_record import LoanRecord
from hoanhap_credit.domain.schedule import repayment_schedule


@dataclass(frozen=True)
class Instalment:
    """One due day of the schedule, with its status today."""

    number: int
    due_on: date
    principal: int
    interest: int
    outstanding_after: int
    status: str


def instalments(record: LoanRecord, today: date) -> list[Instalment]:
    """Every due day (none before the first disbursement): paid when what was paid covers it and every earlier
    one, else overdue after its day, else due."""
    loan = record.loan
    if not loan.tranches:
        return []
    lines = repayment_schedule(loan.terms, loan.tranches, loan.extensions)
    shown, principal_so_far, interest_so_far = [], 0, 0
    for number, line in enumerate(lines, 1):
        principal_so_far += line.principal
        interest_so_far += line.interest
        paid = principal_so_far <= loan.paid.principal and interest_so_far <= loan.paid.interest
        status = "paid" if paid else "overdue" if line.due_on < today else "due"
        shown.append(Instalment(number, line.due_on, line.principal, line.interest, line.outstanding_after, status))
    return shown
