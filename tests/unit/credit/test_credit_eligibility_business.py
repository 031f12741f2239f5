from datetime import date, timedelta

import pytest

from hoanhap_credit.domain.eligibility_failures import RuleCode
from tests.unit.credit.credit_applications import APPLIED_ON, codes, of_business, only

ONE_DAY = timedelta(days=1)


def test_a_registered_business_with_a_tenth_eligible_and_a_confirmed_plan_passes() -> None:
    assert codes(of_business()) == []


@pytest.mark.parametrize("registration", [None, "", "   "])
def test_a_business_without_registration_is_not_legally_established(registration: str | None) -> None:
    failure = only(of_business(registration=registration))
    assert (failure.code, failure.field) == (RuleCode.BUSINESS_NOT_LEGALLY_ESTABLISHED, "business.registration")


@pytest.mark.parametrize(("eligible", "total", "refused"), [(4, 40, False), (4, 41, True), (3, 30, False),
                                                            (9, 91, True), (1, 10, False), (10, 10, False)])
def test_at_least_a_tenth_of_the_workers_are_eligible(eligible: int, total: int, refused: bool) -> None:
    application = of_business(eligible_workers_on_contract=eligible, total_workers=total)
    assert codes(application) == ([RuleCode.TOO_FEW_ELIGIBLE_WORKERS] if refused else [])


def test_too_few_eligible_workers_reads_with_the_share() -> None:
    failure = only(of_business(eligible_workers_on_contract=9, total_workers=91))
    assert failure.message == ("9 of 91 workers (9.8%) are eligible people on labour contracts; "
                               "at least 10.0% are required")
    assert failure.message_vi == ("9 trên 91 lao động (9,8%) là người chấp hành xong án phạt tù có hợp đồng "
                                  "lao động; tối thiểu 10,0%")


def test_a_business_without_a_confirmed_plan_is_refused() -> None:
    failure = only(of_business(plan_confirmed_on=None))
    assert (failure.code, failure.field) == (RuleCode.LOAN_PLAN_NOT_CONFIRMED, "business.plan_confirmed_on")


@pytest.mark.parametrize(("confirmed_on", "refused"), [(APPLIED_ON - ONE_DAY, False), (APPLIED_ON, False),
                                                       (APPLIED_ON + ONE_DAY, True)])
def test_the_plan_is_confirmed_by_the_day_of_the_application(confirmed_on: date, refused: bool) -> None:
    assert codes(of_business(plan_confirmed_on=confirmed_on)) == (
        [RuleCode.LOAN_PLAN_NOT_CONFIRMED] if refused else [])


@pytest.mark.parametrize(("eligible", "total"), [(0, 0), (3, 2), (-1, 5)])
def test_a_workforce_that_cannot_be_is_refused_at_construction(eligible: int, total: int) -> None:
    with pytest.raises(ValueError, match="workers"):
        of_business(eligible_workers_on_contract=eligible, total_workers=total)
