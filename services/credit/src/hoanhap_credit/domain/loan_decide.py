"""decide(loan, command, rates, limits) -> events: the rules of one loan from application to approval, rejection or
withdrawal; disbursement, repayment, extension and write-off are in loan_servicing.

An application that fails Decision 22/2023/QĐ-TTg's rules (eligibility.failed_rules) is recorded, then rejected with
every failure, never silently refused. An approval grants only what the same rules allow for the amount, term and
security granted. Refusals raise LoanRuleViolation (a field) or LoanConflict (the loan's state)."""

from dataclasses import replace

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.eligibility import failed_rules
from hoanhap_credit.domain.lending_limits import DEFAULT_LIMITS, LendingLimits
from hoanhap_credit.domain.loan_checks import ensure_not_before, ensure_reason, ensure_status, schedule_rules
from hoanhap_credit.domain.loan_errors import LoanConflict, LoanRuleViolation
from hoanhap_credit.domain.loan_servicing import decide_servicing
from hoanhap_credit.domain.loan_state import Loan, LoanStatus
from hoanhap_credit.domain.rates import DEFAULT_POOR_HOUSEHOLD_RATES, RateTable, loan_rate
from hoanhap_credit.domain.schedule_dates import principal_due_days
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation


def decide(loan: Loan | None, command: cmd.LoanCommand, rates: RateTable = DEFAULT_POOR_HOUSEHOLD_RATES,
           limits: LendingLimits = DEFAULT_LIMITS) -> list[ev.LoanFact]:
    """The events the command makes of the loan."""
    if isinstance(command, cmd.ApplyForLoan):
        return application(loan, command, limits)
    if loan is None:
        raise LoanConflict("there is no application for this loan")
    match command:
        case cmd.ApproveLoan():
            return [approval(loan, command, rates, limits)]
        case cmd.RejectLoan():
            ensure_status(loan, {LoanStatus.APPLIED}, "be rejected")
            ensure_reason(command.reason)
            ensure_not_before(command.rejected_on, "rejected_on", loan.application.applied_on, "the application")
            return [ev.LoanRejected(rejected_on=command.rejected_on, reason=command.reason, by_role=command.by_role)]
        case cmd.WithdrawApplication():
            ensure_status(loan, {LoanStatus.APPLIED, LoanStatus.APPROVED}, "be withdrawn")
            ensure_not_before(command.withdrawn_on, "withdrawn_on", loan.application.applied_on, "the application")
            return [ev.ApplicationWithdrawn(withdrawn_on=command.withdrawn_on, by_role=command.by_role)]
    return decide_servicing(loan, command, rates, limits)


def application(loan: Loan | None, command: cmd.ApplyForLoan, limits: LendingLimits) -> list[ev.LoanFact]:
    """The application recorded; rejected at once, with every failed rule, when it fails any."""
    if loan is not None:
        raise LoanConflict(f"this loan already has an application (it is {loan.status})")
    applied = ev.LoanApplied(application=command.application, by_role=command.by_role)
    failures = failed_rules(command.application, limits)
    if not failures:
        return [applied]
    return [applied, ev.LoanRejected(rejected_on=command.application.applied_on, failures=failures,
                                     by_role=command.by_role)]


def approval(loan: Loan, command: cmd.ApproveLoan, rates: RateTable, limits: LendingLimits) -> ev.LoanApproved:
    """Grant no more than was asked and only what Decision 22's rules allow for the amount, term and security
    granted; the term a whole number of the plan's periods; the rate in force that day quoted."""
    ensure_status(loan, {LoanStatus.APPLIED}, "be approved")
    asked = loan.application.request
    ensure_not_before(command.approved_on, "approved_on", loan.application.applied_on, "the application")
    if not 1 <= command.amount <= asked.amount:
        raise LoanRuleViolation("amount", f"{command.amount} VND is not between 1 and the {asked.amount} VND asked")
    if command.term_months < 1:
        raise LoanRuleViolation("term_months", f"a term of {command.term_months} months is not a term")
    granted = replace(asked, amount=command.amount, term_months=command.term_months, security_offered=command.secured)
    failures = failed_rules(replace(loan.application, request=granted), limits)
    if failures:
        raise LoanRuleViolation(failures[0].field, "; ".join(failure.message for failure in failures))
    with schedule_rules():
        principal_due_days(command.approved_on, command.term_months, command.plan)
    try:
        quoted = loan_rate(rates, command.approved_on)
    except ScheduleRuleViolation as refused:
        raise LoanRuleViolation("approved_on", refused.message) from refused
    return ev.LoanApproved(approved_on=command.approved_on, amount=command.amount, term_months=command.term_months,
                           plan=command.plan, secured=command.secured, quoted_rate=quoted, by_role=command.by_role)
