"""The rules of a granted loan: tranches, repayments, extension of an instalment, write-off, and settlement when
nothing is owed. Nothing is recorded after settlement or write-off.

Decision 22/2023/QĐ-TTg (article to verify) lends through the Bank for Social Policies under its own rules on
disbursement, extension (gia hạn) and write-off (xóa nợ); those rules are not in DOMAIN.md and were not checked this
session (source to verify), so only what issue 14 states is encoded here: tranches within the approved amount, an
extension moving one instalment later with its reason, a write-off with its reason."""

from datetime import date

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.lending_limits import DEFAULT_LIMITS, LendingLimits
from hoanhap_credit.domain.loan_checks import ensure_not_before, ensure_reason, ensure_status, schedule_rules
from hoanhap_credit.domain.loan_errors import LoanRuleViolation
from hoanhap_credit.domain.loan_extension import extension
from hoanhap_credit.domain.loan_owed import NOTHING_OWED, overdue_interest_accrued, owed_on, payoff_owed_on
from hoanhap_credit.domain.loan_state import Loan, LoanStatus, evolve
from hoanhap_credit.domain.rates import RateTable, loan_rate
from hoanhap_credit.domain.repayment_allocation import Owed, allocate
from hoanhap_credit.domain.schedule_principal import principal_instalments
from hoanhap_credit.domain.schedule_terms import LoanTerms, Tranche


def decide_servicing(loan: Loan, command: cmd.LoanCommand, rates: RateTable,
                     limits: LendingLimits = DEFAULT_LIMITS) -> list[ev.LoanFact]:
    """The events a command on a granted loan makes."""
    match command:
        case cmd.DisburseTranche():
            return [tranche(loan, command, rates)]
        case cmd.RecordRepayment():
            return repayment(loan, command)
        case cmd.ExtendInstalment():
            return [extension(loan, command, limits.max_extension_months)]
        case cmd.WriteOffLoan():
            return [write_off(loan, command)]
    raise AssertionError(f"no rule decides {type(command).__name__}")


def tranche(loan: Loan, command: cmd.DisburseTranche, rates: RateTable) -> ev.TrancheDisbursed:
    """Tranches never add up to more than was approved; the first fixes the loan's rate (rates.loan_rate)."""
    ensure_status(loan, {LoanStatus.APPROVED, LoanStatus.DISBURSED}, "disburse")
    assert loan.approval is not None
    left = loan.approval.amount - loan.disbursed
    if not 1 <= command.amount <= left:
        raise LoanRuleViolation("amount", f"{command.amount} VND is not between 1 and the {left} VND approved and "
                                          f"not yet disbursed")
    earliest, earliest_is = ((loan.tranches[-1].disbursed_on, "the last disbursement") if loan.tranches
                             else (loan.approval.approved_on, "the approval"))
    ensure_not_before(command.disbursed_on, "disbursed_on", earliest, earliest_is)
    if loan.accrued_through is not None:  # a tranche dated in days already reckoned would lose their interest
        ensure_not_before(command.disbursed_on, "disbursed_on", loan.accrued_through,
                          "the last repayment or end of day")
    rate = loan.annual_rate
    if rate is None:
        try:
            rate = loan_rate(rates, command.disbursed_on)
        except ValueError as refused:
            raise LoanRuleViolation("disbursed_on", str(refused)) from refused
    terms = LoanTerms(rate, loan.approval.term_months, loan.approval.plan)
    with schedule_rules():
        dues = principal_instalments(terms, (*loan.tranches, Tranche(command.disbursed_on, command.amount)),
                                     loan.extensions)
    return ev.TrancheDisbursed(disbursed_on=command.disbursed_on, amount=command.amount, annual_rate=rate,
                               final_due_on=max(due.due_on for due in dues), by_role=command.by_role)


def repayment(loan: Loan, command: cmd.RecordRepayment) -> list[ev.LoanFact]:
    """A payment allocated to what is owed on its day (repayment_allocation.allocate); the same payment id again
    changes nothing, with another amount it is refused; a payment beyond all that is owed goes to the payoff
    (owed_for), and the loan is settled once nothing is owed, the interest accrued to its day included."""
    known = loan.payments.get(command.payment_id)
    if known is not None:
        if known != command.amount:
            raise LoanRuleViolation("amount", f"payment {command.payment_id} was recorded as {known} VND, "
                                              f"not {command.amount} VND")
        return []
    ensure_status(loan, {LoanStatus.DISBURSED}, "take a repayment")
    if command.amount < 1:
        raise LoanRuleViolation("amount", f"{command.amount} VND is not a payment")
    ensure_not_before(command.paid_on, "paid_on", *earliest_payment_day(loan))
    share = allocate(command.amount, owed_for(loan, command))
    received = ev.RepaymentReceived(
        payment_id=command.payment_id, paid_on=command.paid_on, amount=command.amount,
        overdue_interest=share.overdue_interest, interest_due=share.interest_due,
        overdue_principal=share.overdue_principal, principal_due=share.principal_due, in_advance=share.in_advance,
        remainder=share.remainder, overdue_interest_accrued=str(overdue_interest_accrued(loan, command.paid_on)),
        outstanding_principal=loan.disbursed - loan.paid.principal - share.overdue_principal - share.principal_due
        - share.in_advance, by_role=command.by_role)
    after = evolve(loan, received)
    if after.paid.principal < after.disbursed or payoff_owed_on(after, command.paid_on) != NOTHING_OWED:
        return [received]
    return [received, ev.LoanSettled(settled_on=command.paid_on, principal_repaid=after.paid.principal,
                                     interest_paid=after.paid.interest + after.paid.overdue_interest)]


def write_off(loan: Loan, command: cmd.WriteOffLoan) -> ev.LoanWrittenOff:
    """What is owed on the day written off, with the reason: all principal outstanding, and the interest and
    overdue interest fallen due and unpaid."""
    ensure_status(loan, {LoanStatus.DISBURSED}, "be written off")
    ensure_reason(command.reason)
    ensure_not_before(command.written_off_on, "written_off_on", loan.accrued_through or loan.tranches[-1].disbursed_on,
                      "the last disbursement or repayment")
    owed = owed_on(loan, command.written_off_on)
    return ev.LoanWrittenOff(written_off_on=command.written_off_on, reason=command.reason,
                             principal_written_off=loan.disbursed - loan.paid.principal,
                             interest_written_off=owed.interest_due + owed.overdue_interest, by_role=command.by_role)


def owed_for(loan: Loan, command: cmd.RecordRepayment) -> Owed:
    """What a payment is allocated to: what is owed on its day, or, when it is more than all of that (every
    principal included), the payoff, so money is never handed back while accrued interest is unpaid."""
    owed = owed_on(loan, command.paid_on)
    return payoff_owed_on(loan, command.paid_on) if command.amount > sum(vars(owed).values()) else owed


def earliest_payment_day(loan: Loan) -> tuple[date, str]:
    """The first day a payment may be dated, and what it is: the last repayment or end of day, or the last
    disbursement when that is later (a payment dated before money recorded as paid out later would repay principal
    not yet lent, and price a negative balance)."""
    last_tranche = (loan.tranches[-1].disbursed_on, "the last disbursement")
    if loan.accrued_through is None or loan.accrued_through < last_tranche[0]:
        return last_tranche
    return loan.accrued_through, "the last repayment or end of day"
