"""Days caught up at once post what the same days closed one by one post, to the đồng, and leave the loan in the
same arrears and debt group: on random loans, with random history, overdue for a random stretch (40 days and more)."""

from datetime import date, timedelta
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoanhap_credit.domain.loan_arrears import arrears_on, recorded_arrears
from hoanhap_credit.domain.loan_state import Loan
from tests.unit.credit.credit_end_of_day import closed, closed_each_day
from tests.unit.credit.credit_loan_stories import Action, Close, actions, applied, loans
from tests.unit.credit.credit_loans import disbursed
from tests.unit.credit.hand_reckoning import half_up


def lived(loan: Loan, story: list[tuple[date, Action]]) -> Loan:
    """The loan after its random history, each close applied as the runner would."""
    for day, action in story:
        loan = closed(loan, day)[0] if isinstance(action, Close) else applied(loan, action)
    return loan


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loans, st.data(), st.integers(1, 90))
def test_a_stretch_caught_up_at_once_posts_and_groups_as_closed_day_by_day(loan: Loan, data: st.DataObject,
                                                                            days: int) -> None:
    story = data.draw(actions(loan.tranches[0].disbursed_on, count=6))
    loan, first = lived(loan, story), story[-1][0] + timedelta(days=1)
    last = first + timedelta(days=days - 1)
    by_day, _ = closed_each_day(loan, first, last)
    at_once, _ = closed(loan, last)
    assert by_day.overdue_interest_posted == at_once.overdue_interest_posted
    assert (recorded_arrears(by_day, last).overdue_principal, recorded_arrears(by_day, last).debt_group) == \
        (recorded_arrears(at_once, last).overdue_principal, recorded_arrears(at_once, last).debt_group)
    assert arrears_on(by_day, last) == arrears_on(at_once, last)


def test_forty_days_overdue_caught_up_at_once_post_the_hand_reckoned_dong_and_group() -> None:
    loan, events = closed(disbursed(), date(2025, 8, 10))
    # instalment 1 overdue 40 days, instalment 2 nine days: 49,000,000 đồng-days at 130% of 6.6% over 365
    assert loan.overdue_interest_posted == half_up(Fraction(49_000_000) * Fraction("0.0858") / 365) == 11_518
    assert loan.arrears is not None and (loan.arrears.days_past_due, loan.arrears.debt_group) == (40, 2)
    assert closed_each_day(disbursed(), date(2025, 7, 1), date(2025, 8, 10))[0].overdue_interest_posted == 11_518
