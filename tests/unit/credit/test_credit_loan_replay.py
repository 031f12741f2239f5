"""Replaying a loan's events gives the loan evolved step by step, and its events are all in FACTS."""

from datetime import date

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain.loan_events import FACTS
from hoanhap_credit.domain.loan_state import LoanStatus, replay
from tests.unit.credit.credit_applications import asking, request
from tests.unit.credit.credit_loans import approve, disburse, repay, run, small_loan_application

HISTORY: list[cmd.LoanCommand] = [
    cmd.ApplyForLoan(small_loan_application(), "officer"), approve(), disburse(5_000_000),
    disburse(7_000_000, date(2025, 6, 20)), repay("p1", date(2025, 7, 3), 100_000),
    cmd.ExtendInstalment(2, date(2025, 9, 1), "flood", "officer"), repay("p2", date(2025, 9, 5), 30_000_000)]


def test_replay_of_the_events_equals_the_loan_evolved_step_by_step() -> None:
    loan, events = run(HISTORY)
    assert replay(events) == loan
    assert loan.status is LoanStatus.SETTLED and loan.version == len(events)


def test_replay_of_no_events_is_no_loan() -> None:
    assert replay([]) is None


def test_every_event_a_loan_makes_is_a_registered_fact() -> None:
    _, events = run(HISTORY)
    assert all(FACTS[event.type_name()] is type(event) for event in events)


def test_every_event_reads_back_equal_from_its_json() -> None:
    _, events = run(HISTORY)
    _, rejected = run([cmd.ApplyForLoan(asking(request(amount=150_000_000)), "officer")])
    for event in [*events, *rejected]:
        assert FACTS[event.type_name()].model_validate_json(event.model_dump_json()) == event
