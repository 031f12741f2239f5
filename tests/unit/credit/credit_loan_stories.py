"""Random loans for the end-of-day property tests: a production loan of random amount, term and plan, disbursed in
one or two tranches, then random repayments, extensions and day closes in day order. Commands the rules refuse (a
payment on a settled loan, an extension not moving a day later...) are skipped, as a bank would refuse them."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeAlias

from hypothesis import strategies as st

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain.loan_errors import LoanConflict, LoanRuleViolation
from hoanhap_credit.domain.loan_state import Loan
from hoanhap_credit.domain.schedule_dates import RepaymentPlan
from tests.unit.credit.credit_applications import asking, request
from tests.unit.credit.credit_loans import APPROVED_ON, approve, disburse, repay, run, step


@dataclass(frozen=True)
class Close:
    """Close one day (the test says how)."""


def granted_loan(amount: int, term_months: int, plan: RepaymentPlan, first_after: int, second_share: int,
                 second_after: int) -> Loan:
    """A loan approved on APPROVED_ON, its first tranche `first_after` days later; the rest (`second_share`
    percent, if any) `second_after` days after that."""
    first_on = APPROVED_ON + timedelta(days=first_after)
    second = amount * second_share // 100
    commands: list[cmd.LoanCommand] = [
        cmd.ApplyForLoan(asking(request(amount=100_000_000, term_months=36)), "officer"),
        approve(amount, term_months, plan), disburse(amount - second, first_on)]
    if second:
        commands.append(disburse(second, first_on + timedelta(days=second_after)))
    return run(commands)[0]


loans = st.builds(granted_loan, st.integers(1_000_000, 100_000_000), st.sampled_from([12, 24, 36]),
                  st.sampled_from(list(RepaymentPlan)), st.integers(0, 60), st.sampled_from([0, 0, 30, 50]),
                  st.integers(1, 40))

Action: TypeAlias = Close | cmd.RecordRepayment | cmd.ExtendInstalment


@st.composite
def actions(draw: st.DrawFn, start: date, count: int = 12) -> list[tuple[date, Action]]:
    """Random closes, repayments and extensions from `start` on, in day order."""
    days = sorted(draw(st.lists(st.integers(0, 800), min_size=1, max_size=count)))
    story: list[tuple[date, Action]] = []
    for number, offset in enumerate(days):
        day = start + timedelta(days=offset)
        kind = draw(st.sampled_from(["close", "close", "close", "pay", "extend"]))
        if kind == "pay":
            story.append((day, repay(f"p{number}", day, draw(st.integers(1, 40_000_000)))))
        elif kind == "extend":
            moved_to = day + timedelta(days=draw(st.integers(1, 120)))
            story.append((day, cmd.ExtendInstalment(draw(st.integers(1, 12)), moved_to, "flood", "officer")))
        else:
            story.append((day, Close()))
    return story


def applied(loan: Loan, command: cmd.LoanCommand) -> Loan:
    """The loan after a command, or unchanged when the rules refuse it."""
    try:
        after, _ = step(loan, command)
    except (LoanRuleViolation, LoanConflict):
        return loan
    assert after is not None
    return after
