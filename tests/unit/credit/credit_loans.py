"""A loan taken step by step through decide and evolve, for the loan tests: VND 12,000,000 over 12 months, repaid
monthly, disbursed on 1 June 2025 at 6.6%, so VND 1,000,000 of principal falls due on the 1st of each month from
1 July 2025 to 1 June 2026."""

from datetime import date
from decimal import Decimal

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain.applications import Application
from hoanhap_credit.domain.loan_decide import decide
from hoanhap_credit.domain.loan_events import LoanFact
from hoanhap_credit.domain.loan_state import Loan, evolve
from hoanhap_credit.domain.rates import RateInForce, RateTable
from hoanhap_credit.domain.schedule_dates import RepaymentPlan
from tests.unit.credit.credit_applications import APPLIED_ON, asking, request

APPROVED_ON = date(2025, 5, 20)
FIRST_DISBURSED_ON = date(2025, 6, 1)
RATES = RateTable((RateInForce(date(2023, 10, 10), Decimal("0.066")), RateInForce(date(2025, 7, 1),
                                                                                     Decimal("0.069"))))


def small_loan_application() -> Application:
    """A passing application for VND 12,000,000 over 12 months."""
    return asking(request(amount=12_000_000, term_months=12))


def step(loan: Loan | None, command: cmd.LoanCommand) -> tuple[Loan | None, list[LoanFact]]:
    """The loan after a command, with the events it made."""
    events = decide(loan, command, RATES)
    for event in events:
        loan = evolve(loan, event)
    return loan, events


def run(commands: list[cmd.LoanCommand]) -> tuple[Loan, list[LoanFact]]:
    """The loan after the commands, with every event they made."""
    loan: Loan | None = None
    history: list[LoanFact] = []
    for command in commands:
        loan, events = step(loan, command)
        history += events
    assert loan is not None
    return loan, history


def approve(amount: int = 12_000_000, term_months: int = 12, plan: RepaymentPlan = RepaymentPlan.MONTHLY,
            secured: bool = False, approved_on: date = APPROVED_ON) -> cmd.ApproveLoan:
    return cmd.ApproveLoan(approved_on, amount, term_months, plan, secured, "supervisor")


def disburse(amount: int = 12_000_000, on: date = FIRST_DISBURSED_ON) -> cmd.DisburseTranche:
    return cmd.DisburseTranche(on, amount, "officer")


def repay(payment_id: str, on: date, amount: int) -> cmd.RecordRepayment:
    return cmd.RecordRepayment(payment_id, on, amount, "officer")


def applied() -> Loan:
    return run([cmd.ApplyForLoan(small_loan_application(), "officer")])[0]


def approved() -> Loan:
    return run([cmd.ApplyForLoan(small_loan_application(), "officer"), approve()])[0]


def disbursed() -> Loan:
    """The whole loan paid out on 1 June 2025."""
    return run([cmd.ApplyForLoan(small_loan_application(), "officer"), approve(), disburse()])[0]


__all__ = ["APPLIED_ON", "APPROVED_ON", "FIRST_DISBURSED_ON", "RATES", "applied", "approve", "approved", "disburse",
           "disbursed", "repay", "run", "small_loan_application", "step"]
