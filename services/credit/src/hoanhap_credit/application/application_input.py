"""An application as the officer fills it in, and the domain's facts made of it with the borrower's or business's
record and credit's view of the registry."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from hoanhap.contracts.credit.choices import AgentOrganisation
from hoanhap_credit.domain.applications import Applicant, Application, Business, LoanRequest, Purpose
from hoanhap_credit.domain.borrowers import BusinessOnRecord


@dataclass(frozen=True)
class Workforce:
    """A business's workers, and how many of them are eligible people on labour contracts."""

    total_workers: int
    eligible_workers_on_contract: int


@dataclass(frozen=True)
class LoanAsked:
    """Exactly one of borrower_id (a person, through their household: agent organisation and savings group) and
    business_id (workforce and the day the commune confirmed its plan, Form 02)."""

    borrower_id: UUID | None
    business_id: UUID | None
    purpose: Purpose
    amount: int
    term_months: int
    course_months: int | None
    security_offered: bool
    other_programme_debt_same_purpose: int
    applied_on: date
    agent_organisation: AgentOrganisation | None = None
    savings_group: str | None = None
    workforce: Workforce | None = None
    plan_confirmed_on: date | None = None

    def request(self, own_outstanding: int) -> LoanRequest:
        """What is asked; the same-purpose debt is the other programmes' plus this service's own loans'."""
        return LoanRequest(self.purpose, self.amount, self.term_months, self.course_months, self.security_offered,
                           self.other_programme_debt_same_purpose + own_outstanding)

    def personal(self, applicant: Applicant, own_outstanding: int) -> Application:
        """A person's application (ValueError when its facts contradict each other)."""
        return Application(self.applied_on, self.request(own_outstanding), applicant=applicant)

    def of_business(self, business: BusinessOnRecord, own_outstanding: int) -> Application:
        """A business's application (ValueError when its facts contradict each other)."""
        assert self.workforce is not None, "a business's application gives its workforce"
        facts = Business(business.kind, business.registration, self.workforce.total_workers,
                         self.workforce.eligible_workers_on_contract, self.plan_confirmed_on)
        return Application(self.applied_on, self.request(own_outstanding), business=facts)
