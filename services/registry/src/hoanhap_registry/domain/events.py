"""The registry's internal events: what its event store records about a person's case.

They hold more than the integration events on Kafka: the sealed identity (name, citizen ID, birth date and
certificate number, encrypted with the person's own key), the village and the facility. Only the mapping in
``hoanhap_registry.adapters.publishing`` decides what leaves the service.
"""

from datetime import date
from typing import Any, ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, model_validator

from hoanhap.contracts import CaseClosureReason, ReleaseType, ReoffenceStatus, Sex


class RegistryFact(BaseModel):
    """Base of the internal events: frozen, and named by their class."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    schema_version: ClassVar[int] = 1

    @classmethod
    def type_name(cls) -> str:
        """The event type recorded in the store."""
        return cls.__name__


class ReleaseRegistered(RegistryFact):
    """The commune was notified that the person will live there."""

    schema_version: ClassVar[int] = 2

    sealed_identity: str
    birth_year: int
    age_at_release: int | None = None  # None in stores written before 2026-12-04
    sex: Sex
    province_code: str
    commune_code: str
    village: str | None
    former_place_name: str | None
    facility: str
    offence_articles: tuple[int, ...]
    sentence_months: int
    release_type: ReleaseType
    release_date: date
    supervision_end: date | None
    notified_on: date

    @model_validator(mode="before")
    @classmethod
    def without_the_citizen_id_hmac(cls, data: Any) -> Any:
        """Version 1 also held the HMAC of the citizen ID, which outlived erasure in the store; it is dropped on
        read. Only stores written before 2026-12-03, none of them deployed, hold such events."""
        if isinstance(data, dict) and "national_id_digest" in data:
            return {name: value for name, value in data.items() if name != "national_id_digest"}
        return data


class ResidenceConfirmed(RegistryFact):
    """Commune police confirmed the residence."""

    province_code: str
    commune_code: str
    confirmed_on: date
    due_on: date


class IntakeRecorded(RegistryFact):
    """The person reported: commitment (HCD-05) and information sheet (HCD-02) done."""

    commitment_on: date
    information_sheet_on: date


class ResidenceChanged(RegistryFact):
    """The person moved to another commune, possibly another province."""

    previous_province_code: str
    previous_commune_code: str
    province_code: str
    commune_code: str
    village: str | None
    moved_on: date


class ReoffenceRecorded(RegistryFact):
    """A reoffence, or the conviction that settles an earlier arrest (same reoffence id)."""

    reoffence_id: UUID
    committed_on: date
    offence_articles: tuple[int, ...]
    status: ReoffenceStatus


class CaseClosed(RegistryFact):
    """Management ended."""

    closed_on: date
    reason: CaseClosureReason
    note: str | None


class PersonErased(RegistryFact):
    """The person's key was destroyed: the sealed identity can never be read again."""

    erased_on: date


FACTS: dict[str, type[RegistryFact]] = {fact.type_name(): fact for fact in (
    ReleaseRegistered, ResidenceConfirmed, IntakeRecorded, ResidenceChanged, ReoffenceRecorded, CaseClosed,
    PersonErased)}
