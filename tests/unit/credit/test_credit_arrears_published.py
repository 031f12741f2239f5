"""The end of day's events on the credit topic: a loan's arrears as LoanOverdue v2 (days past due, debt group, the
overdue rate, a cure sent as overdue principal 0 in group 1), never the overdue interest posted; and a repayment
that changes the arrears records them with the payment, so a cure reaches stats when it happens."""

from datetime import date

from hoanhap import contracts as c
from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_arrears import with_arrears_of_payment
from hoanhap_credit.domain.loan_decide import decide
from tests.unit.credit.credit_applications import personal
from tests.unit.credit.credit_end_of_day import closed, closed_each_day
from tests.unit.credit.credit_loans import RATES, approve, disburse, disbursed, repay, run
from tests.unit.credit.test_credit_loan_state_json import PERSON
from tests.unit.credit.test_credit_publishing import published


async def test_arrears_are_published_as_loan_overdue_and_posted_interest_is_kept_inside() -> None:
    loan, history = run([cmd.ApplyForLoan(personal(), "officer"), approve(), disburse()])
    _, closes = closed_each_day(loan, date(2025, 7, 1), date(2025, 7, 11))
    events = await published(PERSON, [*history, *closes])
    overdue = [event for event in events if isinstance(event, c.LoanOverdue)]
    assert [(o.as_of, o.overdue_principal, o.overdue_since, o.days_past_due, o.debt_group) for o in overdue] == [
        (date(2025, 7, 2), 1_000_000, date(2025, 7, 2), 1, 1), (date(2025, 7, 11), 1_000_000, date(2025, 7, 2), 10, 2)]
    assert all(o.overdue_interest_rate_bp == 858 for o in overdue)  # 130% of 6.6%
    posted = [fact for fact in closes if isinstance(fact, ev.OverdueInterestPosted)]
    assert posted and events[len(history):].count(None) == len(posted)


def test_a_payment_clearing_the_overdue_principal_records_the_loan_back_in_order_with_it() -> None:
    overdue, _ = closed_each_day(disbursed(), date(2025, 7, 1), date(2025, 7, 15))
    assert overdue.arrears is not None and overdue.arrears.debt_group == 2
    events = with_arrears_of_payment(overdue, decide(overdue, repay("p1", date(2025, 7, 16), 2_000_000), RATES))
    assert [type(event) for event in events] == [ev.RepaymentReceived, ev.ArrearsChanged]
    cured = events[1]
    assert isinstance(cured, ev.ArrearsChanged)
    assert (cured.as_of, cured.overdue_principal, cured.overdue_since, cured.debt_group) == (
        date(2025, 7, 16), 0, None, 1)


def test_a_payment_leaving_the_arrears_as_recorded_records_none() -> None:
    overdue, _ = closed(disbursed(), date(2025, 7, 5))
    events = with_arrears_of_payment(overdue, decide(overdue, repay("p1", date(2025, 7, 5), 1_000), RATES))
    assert [type(event) for event in events] == [ev.RepaymentReceived]


def test_a_payment_settling_an_overdue_loan_records_it_back_in_order_before_the_settlement() -> None:
    overdue, _ = closed(disbursed(), date(2025, 7, 5))
    events = with_arrears_of_payment(overdue, decide(overdue, repay("p1", date(2025, 7, 5), 13_000_000), RATES))
    assert [type(event) for event in events] == [ev.RepaymentReceived, ev.ArrearsChanged, ev.LoanSettled]
