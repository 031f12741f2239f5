"""Applications that pass every Decision 22 rule, for tests to change one fact at a time."""

from datetime import date
from typing import Any

from hoanhap.contracts import ReleaseType
from hoanhap.contracts.credit.choices import BusinessType
from hoanhap_credit.domain.applications import (
    Applicant,
    Application,
    Business,
    CommuneListing,
    LoanRequest,
    Purpose,
)
from hoanhap_credit.domain.eligibility import failed_rules
from hoanhap_credit.domain.eligibility_failures import Failure, RuleCode

APPLIED_ON = date(2025, 5, 10)
CERTIFIED = CommuneListing(certified_by="Chủ tịch UBND xã Tân Lập", certified_on=date(2024, 12, 20))


def applicant(**changes: Any) -> Applicant:
    facts: dict[str, Any] = {"release_type": ReleaseType.COMPLETED_SENTENCE, "completed_on": date(2022, 3, 2),
                             "listing": CERTIFIED}
    return Applicant(**(facts | changes))


def request(**changes: Any) -> LoanRequest:
    facts: dict[str, Any] = {"purpose": Purpose.PRODUCTION_BUSINESS, "amount": 50_000_000, "term_months": 36}
    return LoanRequest(**(facts | changes))


def business(**changes: Any) -> Business:
    facts: dict[str, Any] = {"kind": BusinessType.COOPERATIVE, "registration": "HTX-0101-2021",
                             "total_workers": 20, "eligible_workers_on_contract": 5,
                             "plan_confirmed_on": date(2025, 5, 2)}
    return Business(**(facts | changes))


def personal(applied_on: date = APPLIED_ON, **changes: Any) -> Application:
    """A person's application; keyword arguments change the applicant's facts."""
    return Application(applied_on=applied_on, request=request(), applicant=applicant(**changes))


def asking(loan: LoanRequest, for_business: Business | None = None) -> Application:
    """The passing person's (or the business's) application with this request."""
    if for_business is not None:
        return Application(applied_on=APPLIED_ON, request=loan, business=for_business)
    return Application(applied_on=APPLIED_ON, request=loan, applicant=applicant())


def of_business(**changes: Any) -> Application:
    """A business's application for VND 100,000,000 over 60 months, secured; keywords change the business."""
    loan = request(amount=100_000_000, term_months=60, security_offered=True)
    return Application(applied_on=APPLIED_ON, request=loan, business=business(**changes))


def codes(application: Application) -> list[RuleCode]:
    return [failure.code for failure in failed_rules(application)]


def only(application: Application) -> Failure:
    """The one failure of an application expected to fail exactly one rule."""
    failures = failed_rules(application)
    assert len(failures) == 1, failures
    return failures[0]

