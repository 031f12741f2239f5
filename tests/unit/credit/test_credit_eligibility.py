from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest

from hoanhap.contracts import ReleaseType
from hoanhap.contracts.credit.choices import LoanRule
from hoanhap.contracts.registry.choices import ReoffenceStatus
from hoanhap_credit.domain.applications import Application, CommuneListing, Purpose, Reoffence
from hoanhap_credit.domain.eligibility import failed_rules
from hoanhap_credit.domain.eligibility_failures import RuleCode
from hoanhap_credit.domain.lending_limits import DEFAULT_LIMITS, LendingLimits
from tests.unit.credit.credit_applications import APPLIED_ON, applicant, business, of_business, personal, request

EVERYTHING_WRONG_FOR_A_PERSON = Application(
    applied_on=APPLIED_ON,
    request=request(purpose=Purpose.TRAINING, amount=60_000_000, course_months=6, term_months=30,
                    same_purpose_debt=5_000_000),
    applicant=applicant(release_type=ReleaseType.CONDITIONAL_EARLY_RELEASE, completed_on=None,
                        probation_ends_on=date(2025, 6, 30), listing=CommuneListing(),
                        reoffences=(Reoffence(date(2024, 1, 2), ReoffenceStatus.NEW_CONVICTION),)))


def test_an_application_that_meets_every_rule_fails_none() -> None:
    assert failed_rules(personal()) == ()
    assert failed_rules(of_business()) == ()


def test_a_person_failing_several_rules_is_told_every_one() -> None:
    assert [failure.code for failure in failed_rules(EVERYTHING_WRONG_FOR_A_PERSON)] == [
        RuleCode.COMMUNE_LIST_NOT_CERTIFIED, RuleCode.PROBATION_NOT_ENDED, RuleCode.STANDING_REOFFENCE,
        RuleCode.OUTSTANDING_DEBT_SAME_PURPOSE, RuleCode.AMOUNT_ABOVE_LIMIT, RuleCode.TERM_ABOVE_LIMIT]


def test_a_business_failing_several_rules_is_told_every_one() -> None:
    application = Application(
        applied_on=APPLIED_ON,
        request=request(purpose=Purpose.JOB_CREATION, amount=2_100_000_000, term_months=121,
                        same_purpose_debt=1),
        business=business(registration=None, total_workers=50, eligible_workers_on_contract=4,
                          plan_confirmed_on=None))
    assert [failure.code for failure in failed_rules(application)] == [
        RuleCode.BUSINESS_NOT_LEGALLY_ESTABLISHED, RuleCode.TOO_FEW_ELIGIBLE_WORKERS,
        RuleCode.LOAN_PLAN_NOT_CONFIRMED, RuleCode.OUTSTANDING_DEBT_SAME_PURPOSE,
        RuleCode.AMOUNT_ABOVE_PROJECT_LIMIT, RuleCode.AMOUNT_ABOVE_PER_WORKER_LIMIT, RuleCode.SECURITY_MISSING,
        RuleCode.TERM_ABOVE_LIMIT]


def test_every_failure_cites_the_decision_and_reads_in_both_languages() -> None:
    for failure in failed_rules(EVERYTHING_WRONG_FOR_A_PERSON):
        assert failure.citation.startswith("Decision 22/2023/QĐ-TTg")
        assert failure.field and failure.message and failure.message_vi != failure.message


def test_codes_shared_with_the_contract_keep_the_contract_values() -> None:
    shared = {rule.value for rule in LoanRule} & {code.value for code in RuleCode}
    assert shared == {rule.value for rule in LoanRule}


def test_the_defaults_are_the_figures_of_decision_22() -> None:
    assert (DEFAULT_LIMITS.years_since_completion, DEFAULT_LIMITS.min_eligible_worker_share,
            DEFAULT_LIMITS.training_per_course_month, DEFAULT_LIMITS.per_person, DEFAULT_LIMITS.business_per_project,
            DEFAULT_LIMITS.business_per_eligible_worker, DEFAULT_LIMITS.secured_above,
            DEFAULT_LIMITS.max_term_months) == (5, Fraction(1, 10), 4_000_000, 100_000_000, 2_000_000_000,
                                                100_000_000, 100_000_000, 120)


def test_a_configured_limit_replaces_the_default() -> None:
    application = Application(applied_on=APPLIED_ON, request=request(term_months=150), applicant=applicant())
    assert [failure.code for failure in failed_rules(application)] == [RuleCode.TERM_ABOVE_LIMIT]
    assert failed_rules(application, replace(DEFAULT_LIMITS, max_term_months=180)) == ()


def test_the_limits_cannot_be_changed_in_place() -> None:
    with pytest.raises(AttributeError):
        DEFAULT_LIMITS.per_person = 1  # type: ignore[misc]


@pytest.mark.parametrize(("course", "longest"), [(1, 3), (12, 36), (13, 26), (24, 48)])
def test_a_training_term_is_the_course_plus_its_repayment_period(course: int, longest: int) -> None:
    assert LendingLimits().max_training_term_months(course) == longest


def test_an_application_names_exactly_one_borrower() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Application(applied_on=APPLIED_ON, request=request())
    with pytest.raises(ValueError, match="exactly one"):
        Application(applied_on=APPLIED_ON, request=request(), applicant=applicant(), business=business())
