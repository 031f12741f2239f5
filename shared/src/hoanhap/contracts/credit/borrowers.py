"""Who borrows under Decision 22/2023: a person (through their household) or a business employing such people."""

from typing import Annotated, Literal, Self
from uuid import UUID

from pydantic import Field, model_validator

from hoanhap.contracts.credit.choices import BusinessType
from hoanhap.contracts.integration_event import ContractModel
from hoanhap.contracts.values import Count, PersonId, PositiveCount


class IndividualBorrower(ContractModel):
    """A person who completed a sentence or was amnestied, matched to the registry by national ID digest."""

    kind: Literal["individual"]
    person_id: PersonId


class BusinessBorrower(ContractModel):
    """A business that employs eligible people; known to other services only by a random id."""

    kind: Literal["business"]
    business_id: UUID
    business_type: BusinessType


Borrower = Annotated[IndividualBorrower | BusinessBorrower, Field(discriminator="kind")]


class BusinessWorkforce(ContractModel):
    """The workforce a business declares when it applies: how many workers, and how many of them are eligible people
    on labour contracts (at least 10% must be). Counts only: the workers' identities stay with the bank."""

    total_workers: PositiveCount
    eligible_workers: Count = Field(description="Eligible people employed on labour contracts")

    @model_validator(mode="after")
    def eligible_workers_are_among_all_workers(self) -> Self:
        """There cannot be more eligible workers than workers."""
        if self.eligible_workers > self.total_workers:
            raise ValueError(f"eligible_workers {self.eligible_workers} is more than total_workers "
                             f"{self.total_workers}")
        return self
