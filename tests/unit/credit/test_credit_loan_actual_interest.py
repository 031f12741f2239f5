"""Interest on the principal actually outstanding (issue 14 item 7), on the loan of credit_loans (VND 12,000,000 at
6.6% from 1 June 2025, VND 1,000,000 due on the 1st of each month): an early repayment lowers the interest after it,
a payoff mid-period owes the interest accrued to its day, a loan repaid on schedule owes the schedule's interest.
Expected amounts come from hand_reckoning, day by day, not from the domain's code."""

from datetime import date

from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_interest import interest_to_pay_off
from hoanhap_credit.domain.loan_owed import owed_on, payoff_owed_on
from hoanhap_credit.domain.loan_state import Loan, LoanStatus
from hoanhap_credit.domain.schedule import repayment_schedule
from tests.unit.credit.credit_loans import FIRST_DISBURSED_ON, disbursed, repay, step
from tests.unit.credit.hand_reckoning import interest_by_days

RATE = "0.066"
PLANNED_JUNE, PLANNED_JULY = 65_096, 61_660  # the schedule's first two months, on 12,000,000 then 11,000,000
PREPAID_ON = date(2025, 6, 16)
ACTUAL = [(FIRST_DISBURSED_ON, 12_000_000), (PREPAID_ON, -3_000_000)]


def paid(loan: Loan | None, payment_id: str, on: date, amount: int) -> Loan:
    after, _ = step(loan, repay(payment_id, on, amount))
    assert after is not None
    return after


def test_principal_repaid_early_lowers_the_interest_of_the_month_it_was_repaid_in() -> None:
    loan = paid(disbursed(), "p1", PREPAID_ON, 3_000_000)
    june = interest_by_days(FIRST_DISBURSED_ON, date(2025, 7, 1), ACTUAL, RATE)  # 15 days on 12M, 15 on 9M
    assert owed_on(loan, date(2025, 7, 1)).interest_due == june
    assert june < PLANNED_JUNE


def test_principal_repaid_early_lowers_the_interest_of_the_months_after() -> None:
    loan = paid(disbursed(), "p1", PREPAID_ON, 3_000_000)
    june = owed_on(loan, date(2025, 7, 1)).interest_due
    loan = paid(loan, "p2", date(2025, 7, 1), june)  # instalment 1 is covered by the principal paid in advance
    july = interest_by_days(date(2025, 7, 1), date(2025, 8, 1), ACTUAL, RATE)  # 31 days on 9M, not 11M
    assert owed_on(loan, date(2025, 8, 1)).interest_due == july
    assert july < PLANNED_JULY


def test_a_payoff_owes_the_interest_accrued_from_the_last_due_day_counted_to_its_day_not_counted() -> None:
    loan = paid(disbursed(), "p1", date(2025, 7, 1), PLANNED_JUNE + 1_000_000)
    assert interest_to_pay_off(loan, date(2025, 7, 1)) == PLANNED_JUNE  # on the due day nothing more has accrued
    one_day = interest_by_days(date(2025, 7, 1), date(2025, 7, 2), [(date(2025, 7, 1), 11_000_000)], RATE)
    assert interest_to_pay_off(loan, date(2025, 7, 2)) == PLANNED_JUNE + one_day


def test_a_payoff_mid_period_pays_the_interest_accrued_and_settles_the_loan() -> None:
    loan = paid(disbursed(), "p1", date(2025, 7, 1), PLANNED_JUNE + 1_000_000)
    payoff_day = date(2025, 7, 20)
    accrued = interest_by_days(date(2025, 7, 1), payoff_day, [(date(2025, 7, 1), 11_000_000)], RATE)  # 19 days
    assert payoff_owed_on(loan, payoff_day).interest_due == accrued
    assert owed_on(loan, payoff_day).interest_due == 0  # not yet due for a payment that is no payoff
    open_loan, events = step(loan, repay("p2", payoff_day, 11_000_000 + accrued - 1))
    assert [type(e) for e in events] == [ev.RepaymentReceived]
    assert (events[0].interest_due, events[0].in_advance, events[0].remainder) == (accrued, 10_999_999, 0)
    assert open_loan is not None and open_loan.status is LoanStatus.DISBURSED
    settled, events = step(loan, repay("p2", payoff_day, 11_000_000 + accrued))
    assert [type(e) for e in events] == [ev.RepaymentReceived, ev.LoanSettled]
    assert isinstance(events[0], ev.RepaymentReceived) and events[0].interest_due == accrued
    assert settled is not None and settled.status is LoanStatus.SETTLED


def test_principal_repaid_in_full_without_the_accrued_interest_owes_it_on_the_next_due_day() -> None:
    loan = paid(disbursed(), "p1", date(2025, 7, 1), PLANNED_JUNE + 1_000_000)
    loan = paid(loan, "p2", date(2025, 7, 20), 11_000_000)
    assert loan.status is LoanStatus.DISBURSED and loan.paid.principal == 12_000_000
    accrued = interest_by_days(date(2025, 7, 1), date(2025, 8, 1),
                               [(date(2025, 7, 1), 11_000_000), (date(2025, 7, 20), -11_000_000)], RATE)
    assert owed_on(loan, date(2025, 8, 1)).interest_due == accrued
    _, events = step(loan, repay("p3", date(2025, 8, 1), accrued))
    assert [type(e) for e in events] == [ev.RepaymentReceived, ev.LoanSettled]


def test_a_loan_repaid_on_its_due_days_owes_exactly_the_schedules_interest() -> None:
    loan = disbursed()
    lines = repayment_schedule(loan.terms, loan.tranches)
    events: list[ev.LoanFact] = []
    for number, line in enumerate(lines):
        assert owed_on(loan, line.due_on).interest_due == line.interest
        loan, events = step(loan, repay(f"p{number}", line.due_on, line.interest + line.principal))
        assert loan is not None
    assert [type(e) for e in events] == [ev.RepaymentReceived, ev.LoanSettled]
    assert loan.paid.interest == sum(line.interest for line in lines)


def test_principal_unpaid_past_its_due_day_earns_overdue_interest_not_the_loans_rate_as_well() -> None:
    loan = disbursed()  # nothing repaid: instalment 1 is overdue from 2 July, priced at 130% only
    assert owed_on(loan, date(2025, 8, 1)).interest_due == PLANNED_JUNE + PLANNED_JULY
