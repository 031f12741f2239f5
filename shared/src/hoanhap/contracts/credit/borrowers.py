"""Who borrows under Decision 22/2023: a person (through their household) or a business employing such people."""

from typing import Annotated, Literal, Self
from uuid import UUID

from pydantic import Field, model_validator

from hoanhap.contracts.credit.choices import BusinessType
from hoanhap.contracts.integration_event import ContractModel
from hoanhap.contracts.values import PersonId, PositiveCount


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
    """The workforce a business declares when it applies; at least 10% must be eligible people."""

    total_workers: PositiveCount
    eligible_worker_ids: tuple[PersonId, ...] = Field(
        min_length=1, description="Eligible people employed on labour contracts"
    )

    @model_validator(mode="after")
    def eligible_workers_are_among_all_workers(self) -> Self:
        """There cannot be more eligible workers than workers."""
        if len(self.eligible_worker_ids) > self.total_workers:
            raise ValueError(
                f"eligible_worker_ids lists {len(self.eligible_worker_ids)} people "
                f"but total_workers is {self.total_workers}"
            )
        return self
