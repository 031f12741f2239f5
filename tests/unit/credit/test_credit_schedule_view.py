"""A loan's schedule as staff read it: each due day paid, due or overdue today; and the printable page in
Vietnamese, naming no one."""

from datetime import date
from uuid import uuid4

from hoanhap_credit.adapters.schedule_page import schedule_page
from hoanhap_credit.adapters.schedule_views import instalments
from hoanhap_credit.domain.loan_record import LoanRecord
from tests.unit.credit.credit_loans import approved, disbursed, repay, step
from tests.unit.credit.test_credit_loan_state_json import PERSON


def test_what_was_paid_covers_the_earliest_due_days_and_the_rest_is_overdue_or_due() -> None:
    loan, _ = step(disbursed(), repay("p1", date(2025, 8, 1), 2_200_000))  # two months' principal and interest
    assert loan is not None
    lines = instalments(LoanRecord(uuid4(), PERSON, loan), date(2025, 9, 15))
    assert [line.status for line in lines[:4]] == ["paid", "paid", "overdue", "due"]
    assert (lines[0].due_on, lines[0].principal, len(lines)) == (date(2025, 7, 1), 1_000_000, 12)
    assert lines[-1].outstanding_after == 0


def test_a_loan_not_yet_disbursed_has_no_schedule() -> None:
    assert instalments(LoanRecord(uuid4(), PERSON, approved()), date(2025, 9, 15)) == []


def test_the_printable_page_is_in_vietnamese_and_names_no_one() -> None:
    record = LoanRecord(uuid4(), PERSON, disbursed())
    page = schedule_page(record, instalments(record, date(2025, 9, 15)), date(2025, 9, 15))
    assert "01/07/2025" in page and "1.000.000 đồng" in page and "Quá hạn" in page and "6.6%/năm" in page
    assert "Tổ 3" not in page and str(PERSON.borrower_id) not in page and str(PERSON.person_id) not in page
