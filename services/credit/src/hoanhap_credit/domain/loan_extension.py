"""An extension (gia hạn) of one principal instalment: its new due day later than its current one, not before the
day it is asked nor the last repayment or end of day (interest already reckoned to then would be lost), and no later
than the term's end plus the deployment's longest extension (LendingLimits.max_extension_months, *unverified*)."""

from datetime import date

from hoanhap.working_days.calendar_periods import months_after
from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_checks import ensure_not_before, ensure_reason, ensure_status, schedule_rules
from hoanhap_credit.domain.loan_errors import LoanRuleViolation
from hoanhap_credit.domain.loan_state import Loan, LoanStatus
from hoanhap_credit.domain.schedule_principal import principal_instalments
from hoanhap_credit.domain.schedule_terms import Extension


def extension(loan: Loan, command: cmd.ExtendInstalment, max_extension_months: int) -> ev.InstalmentExtended:
    """One instalment's due day moved later, within its bounds, with its reason (schedule_principal.extended)."""
    ensure_status(loan, {LoanStatus.DISBURSED}, "extend an instalment")
    ensure_reason(command.reason)
    if command.asked_on is not None:
        ensure_not_before(command.due_on, "due_on", command.asked_on, "the day it is asked")
    if loan.accrued_through is not None:
        ensure_not_before(command.due_on, "due_on", loan.accrued_through, "the last repayment or end of day")
    latest = latest_due_day(loan, max_extension_months)
    if command.due_on > latest:
        raise LoanRuleViolation("due_on", f"{command.due_on} is after {latest}, the term's end plus the longest "
                                          f"extension ({max_extension_months} months)")
    with schedule_rules():
        principal_instalments(loan.terms, loan.tranches,
                              (*loan.extensions, Extension(command.instalment, command.due_on, command.reason)))
    return ev.InstalmentExtended(instalment=command.instalment, due_on=command.due_on, reason=command.reason,
                                 by_role=command.by_role)


def latest_due_day(loan: Loan, max_extension_months: int) -> date:
    """The latest day any instalment may be moved to: the term's end, counted from the first disbursement, plus the
    longest extension."""
    assert loan.approval is not None
    return months_after(loan.tranches[0].disbursed_on, loan.approval.term_months + max_extension_months)
