"""The figures a loan's events carry for other services, as of the event: a tranche's final due day, what a
payment leaves outstanding, what a settlement repaid and what a write-off wrote off."""

from datetime import date

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_owed import owed_on
from tests.unit.credit.credit_loans import approve, disburse, disbursed, repay, run, small_loan_application, step


def test_a_tranche_names_the_schedules_last_due_day() -> None:
    _, events = run([cmd.ApplyForLoan(small_loan_application(), "officer"), approve(), disburse(6_000_000)])
    assert isinstance(events[-1], ev.TrancheDisbursed) and events[-1].final_due_on == date(2026, 6, 1)


def test_a_payment_names_the_principal_still_outstanding_after_it() -> None:
    _, [received] = step(disbursed(), repay("p1", date(2025, 7, 1), 3_000_000))
    assert isinstance(received, ev.RepaymentReceived)
    principal = received.overdue_principal + received.principal_due + received.in_advance
    assert received.outstanding_principal == 12_000_000 - principal > 0


def test_a_settlement_names_all_principal_and_interest_paid() -> None:
    loan, events = step(disbursed(), repay("p1", date(2025, 7, 1), 20_000_000))
    assert loan is not None and isinstance(events[-1], ev.LoanSettled)
    assert (events[-1].principal_repaid, events[-1].interest_paid) == (
        12_000_000, loan.paid.interest + loan.paid.overdue_interest)


def test_a_write_off_names_the_principal_and_the_interest_fallen_due_and_unpaid() -> None:
    loan = disbursed()
    day = date(2025, 9, 10)
    _, [written_off] = step(loan, cmd.WriteOffLoan(day, "borrower died", "supervisor"))
    owed = owed_on(loan, day)
    assert isinstance(written_off, ev.LoanWrittenOff)
    assert (written_off.principal_written_off, written_off.interest_written_off) == (
        12_000_000, owed.interest_due + owed.overdue_interest)
    assert written_off.interest_written_off > 0
