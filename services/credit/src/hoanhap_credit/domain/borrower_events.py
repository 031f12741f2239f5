"""The bank's own records of who borrows, one stream each in credit's event store: a person's identity sealed with
their own key (never on Kafka), a business's particulars (kept in credit only)."""

from datetime import date
from typing import ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from hoanhap.contracts.credit.choices import BusinessType


class BorrowerFact(BaseModel):
    """Base of the borrowers' events: frozen, and named by their class."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    schema_version: ClassVar[int] = 1

    @classmethod
    def type_name(cls) -> str:
        """The event type recorded in the store."""
        return cls.__name__


class BorrowerRegistered(BorrowerFact):
    """A person the bank lends to through their household: name, citizen ID, birth date, address and household
    representative sealed together with the borrower's own key; person_id is the registry's person found by the
    citizen ID and birth date, None when the registry has none."""

    sealed_identity: str
    person_id: UUID | None
    province_code: str
    commune_code: str
    registered_on: date


class BorrowerLinked(BorrowerFact):
    """A borrower registered before the registry's facts of them reached credit (person_id None), found in the
    registry when registered again: the registry's person is theirs from now on."""

    person_id: UUID
    linked_on: date


class BorrowerMoved(BorrowerFact):
    """The registry says the borrower now lives in another commune, whose bank staff registered them again: their
    record is held there from now on (their loans keep their own place)."""

    province_code: str
    commune_code: str
    moved_on: date


class BusinessRegistered(BorrowerFact):
    """A business that employs eligible people and borrows directly."""

    name: str
    registration: str | None
    kind: BusinessType
    province_code: str
    commune_code: str
    registered_on: date


BORROWER_FACTS: dict[str, type[BorrowerFact]] = {fact.type_name(): fact for fact in (
    BorrowerRegistered, BorrowerLinked, BusinessRegistered, BorrowerMoved)}


def borrower_stream(borrower_id: UUID) -> str:
    """A person's borrower record's stream."""
    return f"borrower-{borrower_id}"


def business_stream(business_id: UUID) -> str:
    """A business's record's stream."""
    return f"business-{business_id}"
