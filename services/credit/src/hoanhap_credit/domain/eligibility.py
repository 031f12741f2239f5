"""Decision 22/2023/QĐ-TTg eligibility: the facts of an application in, every failed rule out — all of them in one
answer, never only the first, so the officer can tell the applicant everything to put right at once."""

from hoanhap_credit.domain.applications import Application
from hoanhap_credit.domain.eligibility_business import business_failures
from hoanhap_credit.domain.eligibility_failures import Failure
from hoanhap_credit.domain.eligibility_loan import loan_failures
from hoanhap_credit.domain.eligibility_person import person_failures
from hoanhap_credit.domain.lending_limits import DEFAULT_LIMITS, LendingLimits


def failed_rules(application: Application, limits: LendingLimits = DEFAULT_LIMITS) -> tuple[Failure, ...]:
    """Every rule the application fails, in a fixed order (the borrower, then the request); empty when it passes."""
    borrower: list[Failure] = []
    if application.applicant is not None:
        borrower = person_failures(application.applicant, application.applied_on, limits)
    if application.business is not None:
        borrower = business_failures(application.business, application.applied_on, limits)
    return (*borrower, *loan_failures(application, limits))
