"""Extension of one instalment's due day, and write-off: each allowed and refused; nothing after a write-off."""

from datetime import date

import pytest

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_errors import LoanConflict, LoanRuleViolation
from hoanhap_credit.domain.loan_owed import owed_on
from hoanhap_credit.domain.loan_state import LoanStatus
from tests.unit.credit.credit_loans import approved, disbursed, repay, step


def extend(instalment: int = 1, due_on: date = date(2025, 8, 15), reason: str = "harvest failed") \
        -> cmd.ExtendInstalment:
    return cmd.ExtendInstalment(instalment, due_on, reason, "officer")


def write_off(on: date = date(2026, 1, 10), reason: str = "borrower died") -> cmd.WriteOffLoan:
    return cmd.WriteOffLoan(on, reason, "supervisor")


def test_an_extended_instalment_is_not_overdue_until_its_new_due_day_has_passed() -> None:
    loan, events = step(disbursed(), extend())
    assert events == [ev.InstalmentExtended(instalment=1, due_on=date(2025, 8, 15), reason="harvest failed",
                                            by_role="officer")]
    assert loan is not None
    assert owed_on(loan, date(2025, 7, 2)).overdue_principal == 0
    on_new_day = owed_on(loan, date(2025, 8, 15))  # instalment 2, due on 1 August, is overdue by then
    assert (on_new_day.overdue_principal, on_new_day.principal_due) == (1_000_000, 1_000_000)
    assert owed_on(loan, date(2025, 8, 16)).overdue_principal == 2_000_000


def test_an_extension_must_move_the_due_day_later() -> None:
    step(disbursed(), extend(due_on=date(2025, 7, 2)))
    with pytest.raises(LoanRuleViolation) as refused:
        step(disbursed(), extend(due_on=date(2025, 7, 1)))
    assert refused.value.field == "due_on"


def test_an_extension_names_an_instalment_of_the_loan() -> None:
    step(disbursed(), extend(instalment=12, due_on=date(2026, 7, 1)))
    with pytest.raises(LoanRuleViolation) as refused:
        step(disbursed(), extend(instalment=13, due_on=date(2026, 7, 1)))
    assert refused.value.field == "instalment"


def test_an_extension_needs_a_reason_and_a_loan_paid_out() -> None:
    with pytest.raises(LoanRuleViolation) as refused:
        step(disbursed(), extend(reason=" "))
    assert refused.value.field == "reason"
    with pytest.raises(LoanConflict, match="approved"):
        step(approved(), extend())


def test_a_loan_paid_out_is_written_off_with_its_reason() -> None:
    loan, events = step(disbursed(), write_off())
    assert isinstance(events[0], ev.LoanWrittenOff) and events[0].reason == "borrower died"
    assert loan is not None and loan.status is LoanStatus.WRITTEN_OFF


def test_a_write_off_needs_a_reason_a_loan_paid_out_and_a_day_after_the_last_tranche() -> None:
    with pytest.raises(LoanRuleViolation) as no_reason:
        step(disbursed(), write_off(reason=""))
    assert no_reason.value.field == "reason"
    with pytest.raises(LoanConflict, match="approved"):
        step(approved(), write_off())
    step(disbursed(), write_off(on=date(2025, 6, 1)))
    with pytest.raises(LoanRuleViolation) as too_early:
        step(disbursed(), write_off(on=date(2025, 5, 31)))
    assert too_early.value.field == "written_off_on"


@pytest.mark.parametrize("command", [repay("p1", date(2026, 2, 1), 1), extend(), write_off(),
                                     cmd.DisburseTranche(date(2026, 2, 1), 1, "officer")])
def test_nothing_is_recorded_after_a_write_off(command: cmd.LoanCommand) -> None:
    loan, _ = step(disbursed(), write_off())
    with pytest.raises(LoanConflict, match="written_off"):
        step(loan, command)
