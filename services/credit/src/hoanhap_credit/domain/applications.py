"""The facts of a loan application under Decision 22/2023/QĐ-TTg: what the registry, the commune and the bank know
on the day it is made. Facts only: eligibility.py judges them."""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from hoanhap.contracts import ReleaseType
from hoanhap.contracts.credit.choices import BusinessType
from hoanhap.contracts.registry.choices import ReoffenceStatus


class Purpose(StrEnum):
    """What the loan pays for (Decision 22/2023/QĐ-TTg, purposes, article to verify)."""

    TRAINING = "training"
    PRODUCTION_BUSINESS = "production_business"
    JOB_CREATION = "job_creation"


@dataclass(frozen=True)
class Reoffence:
    """A reoffence the registry recorded, with how it stands now."""

    committed_on: date
    status: ReoffenceStatus


@dataclass(frozen=True)
class CommuneListing:
    """The person's entry on the commune list (Form 01), drawn up by the commune police; certified by the commune
    People's Committee when certified_by and certified_on are both known."""

    certified_by: str | None = None
    certified_on: date | None = None


@dataclass(frozen=True)
class Applicant:
    """A person applying through their household: the registry's facts and the commune list.

    completed_on is the day the sentence was completed or the special amnesty granted; for a conditional early
    release it is unused: the probation's end (probation_ends_on) is when the sentence counts as completed.
    release_type None: the registry records no release of the person (the bank's borrower was not found there)."""

    release_type: ReleaseType | None
    completed_on: date | None = None
    probation_ends_on: date | None = None
    reoffences: tuple[Reoffence, ...] = ()
    listing: CommuneListing | None = None

    def __post_init__(self) -> None:
        completing = {ReleaseType.COMPLETED_SENTENCE, ReleaseType.SPECIAL_AMNESTY}
        if self.release_type in completing and self.completed_on is None:
            raise ValueError(f"completed_on is required for release type {self.release_type}")
        if self.release_type is ReleaseType.CONDITIONAL_EARLY_RELEASE and self.probation_ends_on is None:
            raise ValueError("probation_ends_on is required for a conditional early release")


@dataclass(frozen=True)
class Business:
    """A business applying directly, to employ eligible people (Form 02 is its loan plan).

    registration is its business or cooperative registration number, None when it has none."""

    kind: BusinessType
    registration: str | None
    total_workers: int
    eligible_workers_on_contract: int
    plan_confirmed_on: date | None = None

    def __post_init__(self) -> None:
        if self.total_workers < 1:
            raise ValueError(f"total_workers must be at least 1, not {self.total_workers}")
        if not 0 <= self.eligible_workers_on_contract <= self.total_workers:
            raise ValueError(f"eligible_workers_on_contract {self.eligible_workers_on_contract} "
                             f"is not between 0 and total_workers {self.total_workers}")


@dataclass(frozen=True)
class LoanRequest:
    """What is asked: purpose, amount (VND), term, security, and what is still owed to the bank under another
    programme with the same purpose (VND, 0 when nothing)."""

    purpose: Purpose
    amount: int
    term_months: int
    course_months: int | None = None
    security_offered: bool = False
    same_purpose_debt: int = 0

    def __post_init__(self) -> None:
        if self.amount < 1 or self.term_months < 1 or self.same_purpose_debt < 0:
            raise ValueError(f"amount {self.amount} and term_months {self.term_months} must be positive, "
                             f"same_purpose_debt {self.same_purpose_debt} not negative")
        if (self.purpose is Purpose.TRAINING) != (self.course_months is not None):
            raise ValueError("course_months is given for training loans and only for them")
        if self.course_months is not None and self.course_months < 1:
            raise ValueError(f"course_months must be at least 1, not {self.course_months}")


@dataclass(frozen=True)
class Application:
    """One application: a person or a business (exactly one), the request, and the day it is made."""

    applied_on: date
    request: LoanRequest
    applicant: Applicant | None = None
    business: Business | None = field(default=None)

    def __post_init__(self) -> None:
        if (self.applicant is None) == (self.business is None):
            raise ValueError("an application names either an applicant or a business, exactly one")
        completed_on = self.applicant.completed_on if self.applicant else None
        if completed_on is not None and completed_on > self.applied_on:
            raise ValueError(f"completed_on {completed_on.isoformat()} is after applied_on "
                             f"{self.applied_on.isoformat()}")
