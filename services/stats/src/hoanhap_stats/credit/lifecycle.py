"""How each credit event changes a loan (the contract's events, hoanhap.contracts.credit).

A loan is applied for, then approved, rejected or withdrawn (withdrawn before any money is paid out); paid out in
one or several tranches; repaid; overdue while LoanOverdue says principal is in arrears and back in order when it
says none is (version 2 is sent on every change of the arrears, cures included, with the debt group); and ends
settled or written off. A rejected, withdrawn, settled or written-off loan changes no more, and an event that does
not fit the loan's status (a repayment before any payout) changes nothing.
"""

from dataclasses import replace
from datetime import date

import hoanhap.contracts as c
from hoanhap_stats.credit.loans import OUTSTANDING, UNDECIDED, LoanRow, LoanStatus

FIRST_DEBT_GROUP = 1
"""The group of a loan in order (fewer than 10 days past due)."""


def evolve(loan: LoanRow, event: c.CreditEvent) -> LoanRow:
    """The loan after one more of its events, the day of its latest change moved to the event's (never back)."""
    changed = changed_by(loan, event)
    if changed == loan:
        return loan
    return replace(changed, changed_on=max(event_day(event), loan.changed_on or loan.applied_on))


def changed_by(loan: LoanRow, event: c.CreditEvent) -> LoanRow:
    """The loan's row once the event is applied, if it fits the loan's status."""
    match event:
        case c.LoanApproved() if loan.status in UNDECIDED:
            return replace(loan, status=LoanStatus.APPROVED, amount_approved_vnd=event.approved_amount,
                           decided_on=event.approved_on, approved_on=event.approved_on)
        case c.LoanRejected() if loan.status in UNDECIDED:
            return replace(loan, status=LoanStatus.REJECTED, decided_on=event.rejected_on,
                           rejected_on=event.rejected_on)
        case c.LoanWithdrawn() if loan.status in UNDECIDED:
            return replace(loan, status=LoanStatus.WITHDRAWN, withdrawn_on=event.withdrawn_on)
        case c.LoanDisbursed() if loan.status is LoanStatus.APPROVED or loan.status in OUTSTANDING:
            return disbursed(loan, event)
        case c.RepaymentReceived() if loan.status in OUTSTANDING:
            return replace(loan, repaid_principal_vnd=loan.repaid_principal_vnd + event.principal,
                           outstanding_principal_vnd=event.outstanding_principal)
        case c.LoanOverdue() if loan.status in OUTSTANDING:
            return replace(loan, status=LoanStatus.OVERDUE if event.overdue_principal else LoanStatus.DISBURSED,
                           overdue_principal_vnd=event.overdue_principal, overdue_since=event.overdue_since,
                           days_past_due=event.days_past_due, debt_group=event.debt_group)
        case c.LoanSettled() if loan.status in OUTSTANDING:
            return ended(replace(loan, status=LoanStatus.SETTLED, repaid_principal_vnd=event.principal_repaid,
                                 settled_on=event.settled_on))
        case c.LoanWrittenOff() if loan.status in OUTSTANDING:
            return ended(replace(loan, status=LoanStatus.WRITTEN_OFF, written_off_on=event.written_off_on,
                                 principal_written_off_vnd=event.principal_written_off))
    return loan


def ended(loan: LoanRow) -> LoanRow:
    """A settled or written-off loan: nothing outstanding or overdue any more, and in no debt group."""
    return replace(loan, outstanding_principal_vnd=0, overdue_principal_vnd=0, overdue_since=None, days_past_due=0,
                   debt_group=None)


def disbursed(loan: LoanRow, event: c.LoanDisbursed) -> LoanRow:
    """A (further) payout: more disbursed and outstanding; an overdue loan stays overdue, a first payout puts the
    loan in the first debt group."""
    status = LoanStatus.OVERDUE if loan.status is LoanStatus.OVERDUE else LoanStatus.DISBURSED
    return replace(loan, status=status, disbursed_vnd=loan.disbursed_vnd + event.amount,
                   outstanding_principal_vnd=loan.outstanding_principal_vnd + event.amount,
                   first_disbursed_on=loan.first_disbursed_on or event.disbursed_on, final_due_on=event.final_due_on,
                   debt_group=loan.debt_group or FIRST_DEBT_GROUP)


def event_day(event: c.CreditEvent) -> date:
    """The day the event happened on, by its own kind's field."""
    for name in ("applied_on", "approved_on", "rejected_on", "withdrawn_on", "disbursed_on", "received_on", "as_of",
                 "settled_on", "written_off_on"):
        if (day := getattr(event, name, None)) is not None:
            return day  # type: ignore[no-any-return]
    raise ValueError(f"{type(event).__name__} names no day")
