import pytest

from hoanhap_credit.domain.applications import Purpose
from hoanhap_credit.domain.eligibility_failures import RuleCode
from tests.unit.credit.credit_applications import asking, business, codes, only, request

TRAINING, JOBS = Purpose.TRAINING, Purpose.JOB_CREATION


@pytest.mark.parametrize(("owed", "refused"), [(0, False), (1, True)])
def test_outstanding_same_purpose_debt_under_another_programme_disqualifies(owed: int, refused: bool) -> None:
    assert codes(asking(request(same_purpose_debt=owed))) == (
        [RuleCode.OUTSTANDING_DEBT_SAME_PURPOSE] if refused else [])


def test_outstanding_debt_reads_with_the_amount_and_does_not_claim_another_programme() -> None:
    failure = only(asking(request(same_purpose_debt=20_000_000)))
    assert failure.message_vi == ("còn dư nợ 20.000.000 đồng tại Ngân hàng Chính sách xã hội ở các khoản vay cùng "
                                  "mục đích (của chương trình này hoặc chương trình khác)")
    assert failure.message == ("VND 20,000,000 is still owed to the Bank for Social Policies on loans with the same "
                               "purpose (under this programme or another)")


@pytest.mark.parametrize(("amount", "refused"), [(23_999_999, False), (24_000_000, False), (24_000_001, True)])
def test_training_is_lent_up_to_four_million_a_month_of_the_course(amount: int, refused: bool) -> None:
    loan = request(purpose=TRAINING, amount=amount, course_months=6, term_months=18)
    assert codes(asking(loan)) == ([RuleCode.AMOUNT_ABOVE_LIMIT] if refused else [])


def test_the_training_limit_reads_with_the_course() -> None:
    failure = only(asking(request(purpose=TRAINING, amount=30_000_000, course_months=6, term_months=18)))
    assert failure.message == ("asked VND 30,000,000 for a 6-month course; the limit is VND 4,000,000 a month "
                               "of the course, VND 24,000,000")


@pytest.mark.parametrize("purpose", [Purpose.PRODUCTION_BUSINESS, JOBS])
@pytest.mark.parametrize(("amount", "refused"), [(100_000_000, False), (100_000_001, True)])
def test_a_person_borrows_up_to_one_hundred_million(purpose: Purpose, amount: int, refused: bool) -> None:
    loan = request(purpose=purpose, amount=amount, security_offered=True)
    assert codes(asking(loan)) == ([RuleCode.AMOUNT_ABOVE_LIMIT] if refused else [])


@pytest.mark.parametrize(("amount", "refused"), [(2_000_000_000, False), (2_000_000_001, True)])
def test_a_business_borrows_up_to_two_billion_per_project(amount: int, refused: bool) -> None:
    loan = request(purpose=JOBS, amount=amount, security_offered=True)
    assert codes(asking(loan, business(eligible_workers_on_contract=21, total_workers=21))) == (
        [RuleCode.AMOUNT_ABOVE_PROJECT_LIMIT] if refused else [])


@pytest.mark.parametrize(("amount", "refused"), [(500_000_000, False), (500_000_001, True)])
def test_a_business_borrows_up_to_one_hundred_million_per_eligible_worker(amount: int, refused: bool) -> None:
    loan = request(purpose=JOBS, amount=amount, security_offered=True)
    assert codes(asking(loan, business())) == ([RuleCode.AMOUNT_ABOVE_PER_WORKER_LIMIT] if refused else [])


def test_a_business_above_both_amount_limits_is_told_both() -> None:
    loan = request(purpose=JOBS, amount=2_500_000_000, security_offered=True)
    assert codes(asking(loan, business(eligible_workers_on_contract=21, total_workers=21))) == [
        RuleCode.AMOUNT_ABOVE_PROJECT_LIMIT, RuleCode.AMOUNT_ABOVE_PER_WORKER_LIMIT]


@pytest.mark.parametrize(("amount", "secured", "refused"), [(100_000_000, False, False),
                                                            (100_000_001, False, True), (100_000_001, True, False)])
def test_a_loan_above_one_hundred_million_must_be_secured(amount: int, secured: bool, refused: bool) -> None:
    loan = request(purpose=JOBS, amount=amount, security_offered=secured)
    assert codes(asking(loan, business())) == ([RuleCode.SECURITY_MISSING] if refused else [])


def test_missing_security_reads_with_the_threshold() -> None:
    failure = only(asking(request(amount=150_000_000), business()))
    assert failure.message == ("asked VND 150,000,000 without security; a loan above VND 100,000,000 "
                               "must be secured")


@pytest.mark.parametrize(("term", "refused"), [(120, False), (121, True)])
def test_a_production_loan_runs_up_to_the_configured_term(term: int, refused: bool) -> None:
    assert codes(asking(request(term_months=term))) == ([RuleCode.TERM_ABOVE_LIMIT] if refused else [])


@pytest.mark.parametrize(("course", "term", "refused"), [(12, 36, False), (12, 37, True), (6, 18, False),
                                                         (6, 19, True), (13, 26, False), (13, 27, True)])
def test_a_training_loan_runs_the_course_plus_its_repayment_period(course: int, term: int, refused: bool) -> None:
    loan = request(purpose=TRAINING, amount=4_000_000, course_months=course, term_months=term)
    assert codes(asking(loan)) == ([RuleCode.TERM_ABOVE_LIMIT] if refused else [])


def test_a_training_term_above_its_limit_reads_with_the_course() -> None:
    failure = only(asking(request(purpose=TRAINING, amount=4_000_000, course_months=6, term_months=20)))
    assert failure.message_vi == "đề nghị thời hạn vay 20 tháng cho khóa học 6 tháng; tối đa 18 tháng"


@pytest.mark.parametrize("changes", [{"course_months": 6}, {"purpose": TRAINING}, {"amount": 0},
                                     {"term_months": 0}, {"same_purpose_debt": -1},
                                     {"purpose": TRAINING, "course_months": 0}])
def test_a_request_that_cannot_be_is_refused_at_construction(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        request(**changes)
