"""Integration events of the registry service (police): release, residence, reoffence, closure, erasure."""

from datetime import date
from typing import ClassVar, Self
from uuid import UUID

from pydantic import Field, model_validator

from hoanhap.contracts.choices import ReleaseType, Sex
from hoanhap.contracts.integration_event import IntegrationEvent
from hoanhap.contracts.registry.choices import CaseClosureReason, ReoffenceStatus
from hoanhap.contracts.services import Service
from hoanhap.contracts.values import (
    AgeAtRelease,
    BirthYear,
    CommuneCode,
    FormerPlaceName,
    MonthCount,
    NationalIdDigest,
    OffenceArticles,
    PersonId,
    ProvinceCode,
    UtcDateTime,
)


class RegistryEvent(IntegrationEvent):
    """An event of the registry service; every one is about one person."""

    service: ClassVar[Service] = Service.REGISTRY
    person_id: PersonId


class ReleaseFacts(RegistryEvent):
    """What every version of ReleaseRegistered says."""

    event_type: ClassVar[str] = "hoanhap.registry.ReleaseRegistered"
    sex: Sex
    province_code: ProvinceCode
    commune_code: CommuneCode
    former_place_name: FormerPlaceName | None = None
    offence_articles: OffenceArticles
    sentence_months: MonthCount
    release_type: ReleaseType
    release_date: date
    supervision_months: MonthCount | None = Field(
        default=None,
        description="Probation or supervision period; set exactly for conditional early release, "
        "suspended sentence and non-custodial reform",
    )
    notified_on: date = Field(description="Day the commune was notified; starts the confirmation deadline")

    @model_validator(mode="after")
    def supervision_period_fits_release_type(self) -> Self:
        """A supervision period is given for the supervised release types and only for them."""
        needs_period = self.release_type.has_supervision_period
        if needs_period and self.supervision_months is None:
            raise ValueError(f"supervision_months is required for release type {self.release_type}")
        if not needs_period and self.supervision_months is not None:
            raise ValueError(f"supervision_months must be empty for release type {self.release_type}")
        return self


class ReleaseRegistered(ReleaseFacts):
    """The commune was notified that a person released (or sentenced in the community) will live there."""

    schema_version: ClassVar[int] = 2
    age_at_release: AgeAtRelease


class ReleaseRegisteredV1(ReleaseFacts):
    """Version 1 carried the HMAC of the citizen ID, reversible in minutes by whoever held its key, and the birth
    year, from which the age at release could only be guessed to within a year. Version 2 carries no digest (the
    bank's identity digest travels on its own compacted topic, see docs/threat-model.md) and the exact age at
    release instead of the birth year: as coarse about the person, and exact for the age bands."""

    schema_version: ClassVar[int] = 1
    birth_year: BirthYear
    national_id_digest: NationalIdDigest


class ResidenceConfirmed(RegistryEvent):
    """Commune police confirmed the person lives at the notified place (due within 3 working days)."""

    event_type: ClassVar[str] = "hoanhap.registry.ResidenceConfirmed"
    schema_version: ClassVar[int] = 1
    province_code: ProvinceCode
    commune_code: CommuneCode
    confirmed_on: date
    within_deadline: bool = Field(description="Confirmed within 3 working days of the notification")


class IntakeRecorded(RegistryEvent):
    """The person reported to the commune police: the commitment not to reoffend (HCD-05) and the information sheet
    (HCD-02) are done, so supervision and support can begin (Circular 10/2024/TT-BCA). It happens where the person
    lives: the place of the latest ReleaseRegistered or ResidenceChanged."""

    event_type: ClassVar[str] = "hoanhap.registry.IntakeRecorded"
    schema_version: ClassVar[int] = 1
    commitment_on: date = Field(description="The day the commitment not to reoffend (HCD-05) was signed")
    information_sheet_on: date = Field(description="The day the information sheet (HCD-02) was filled in")


class ResidenceChanged(RegistryEvent):
    """The person moved; management passes to the commune they moved to."""

    event_type: ClassVar[str] = "hoanhap.registry.ResidenceChanged"
    schema_version: ClassVar[int] = 1
    previous_province_code: ProvinceCode
    previous_commune_code: CommuneCode
    province_code: ProvinceCode
    commune_code: CommuneCode
    moved_on: date


class ReoffenceRecorded(RegistryEvent):
    """The person reoffended (Penal Code Art. 53): a new conviction or an arrest pending trial."""

    event_type: ClassVar[str] = "hoanhap.registry.ReoffenceRecorded"
    schema_version: ClassVar[int] = 1
    reoffence_id: UUID
    committed_on: date
    offence_articles: OffenceArticles
    status: ReoffenceStatus


class CaseClosed(RegistryEvent):
    """Management ended, normally because the criminal record was cleared (Circular 10/2024 Art. 13)."""

    event_type: ClassVar[str] = "hoanhap.registry.CaseClosed"
    schema_version: ClassVar[int] = 1
    closed_on: date
    reason: CaseClosureReason


class PersonErased(RegistryEvent):
    """The person's identity was crypto-shredded; every service must forget what it holds on them."""

    event_type: ClassVar[str] = "hoanhap.registry.PersonErased"
    schema_version: ClassVar[int] = 1
    erased_at: UtcDateTime


class CommuneListingCertified(RegistryEvent):
    """The person is on their commune's list of people who may borrow under Decision 22/2023/QĐ-TTg (Form 01), drawn
    up by the commune police and certified by the commune People's Committee on `certified_on`. One event per person
    on the list; a person not on the commune's latest certified list is on none (the bank compares the days)."""

    event_type: ClassVar[str] = "hoanhap.registry.CommuneListingCertified"
    schema_version: ClassVar[int] = 1
    list_id: UUID
    province_code: ProvinceCode
    commune_code: CommuneCode
    certified_on: date
