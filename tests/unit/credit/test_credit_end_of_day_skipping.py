"""needs_work, the runner's cheap test for skipping a loan, is never False when close_day would record something,
on random loans and histories; and it does skip a loan repaid on time between its due days."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoanhap_credit.domain.end_of_day import close_day, needs_work
from hoanhap_credit.domain.loan_state import Loan
from tests.unit.credit.credit_end_of_day import closed, closed_each_day
from tests.unit.credit.credit_loan_stories import Close, actions, applied, loans
from tests.unit.credit.credit_loans import approved, disbursed, repay, step


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loans, st.data())
def test_a_loan_needs_work_whenever_its_close_records_something(loan: Loan, data: st.DataObject) -> None:
    for day, action in data.draw(actions(loan.tranches[0].disbursed_on)):
        if not isinstance(action, Close):
            loan = applied(loan, action)
            continue
        events = close_day(loan, day)
        assert needs_work(loan, day) or not events, f"skipped {events} on {day}"
        loan, _ = closed(loan, day)
        assert close_day(loan, day) == []


def test_a_loan_repaid_on_its_due_day_needs_no_work_until_its_next_due_day_has_passed() -> None:
    loan, _ = step(disbursed(), repay("p1", date(2025, 7, 1), 65_096 + 1_000_000))
    assert loan is not None
    assert not needs_work(loan, date(2025, 7, 2))
    assert not needs_work(loan, date(2025, 8, 1))
    assert needs_work(loan, date(2025, 8, 2)) and close_day(loan, date(2025, 8, 2))


def test_a_loan_in_arrears_needs_work_every_day_until_it_is_back_in_order() -> None:
    overdue, _ = closed_each_day(disbursed(), date(2025, 7, 1), date(2025, 7, 3))
    assert needs_work(overdue, date(2025, 7, 4))
    paid, _ = step(overdue, repay("p1", date(2025, 7, 4), 2_000_000))
    assert paid is not None and needs_work(paid, date(2025, 7, 4))
    back, _ = closed(paid, date(2025, 7, 4))
    assert not needs_work(back, date(2025, 7, 5))


def test_a_loan_not_disbursed_needs_no_work() -> None:
    assert not needs_work(approved(), date(2025, 8, 2))
