"""Request bodies: every field validated, every refusal naming the field and the reason."""

from datetime import date
from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from hoanhap.contracts import CaseClosureReason, ReleaseType, ReoffenceStatus, Sex
from hoanhap.places import official_places
from hoanhap_registry.fields import Article, CitizenId, OfficialCommune, OfficialProvince, PastDate, Text

CommuneCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]


class Body(BaseModel):
    """Unknown fields are refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReleaseRequest(Body):
    """A release notice as the prison sends it to the commune."""

    full_name: Text
    citizen_id: CitizenId = Field(description="12-digit citizen ID (CCCD)")
    birth_date: PastDate
    sex: Sex
    province_code: OfficialProvince
    commune_code: OfficialCommune
    village: Text | None = None
    former_place_name: Text | None = Field(default=None, description="former district or commune, as text")
    facility: Text = Field(description="prison or facility released from")
    offence_articles: list[Article] = Field(min_length=1, max_length=20, description="Penal Code articles")
    sentence_months: int = Field(ge=0, le=1200)
    release_type: ReleaseType
    release_date: date
    supervision_end: date | None = Field(default=None, description="end of probation or supervision")
    certificate_number: Text | None = None
    notified_on: date | None = Field(default=None, description="day the commune was notified; default today")

    @model_validator(mode="after")
    def fields_fit_together(self) -> Self:
        """The commune is in the province; born before release; supervision end given exactly for the supervised
        release types, after release."""
        mismatch = official_places().province_mismatch(self.commune_code, self.province_code)
        if mismatch:
            raise ValueError(mismatch)
        if self.birth_date >= self.release_date:
            raise ValueError(f"birth_date {self.birth_date} must be before release_date {self.release_date}")
        supervised = self.release_type.has_supervision_period
        if supervised and self.supervision_end is None:
            raise ValueError(f"supervision_end is required for release type {self.release_type.value}")
        if not supervised and self.supervision_end is not None:
            raise ValueError(f"supervision_end must be empty for release type {self.release_type.value}")
        if self.supervision_end is not None and self.supervision_end <= self.release_date:
            raise ValueError(f"supervision_end {self.supervision_end} must be after release_date {self.release_date}")
        return self


class ResidenceConfirmation(Body):
    confirmed_on: date


class IntakeRequest(Body):
    commitment_on: date = Field(description="commitment not to reoffend signed (form HCD-05)")
    information_sheet_on: date = Field(description="information sheet filled (form HCD-02)")


class ResidenceChangeRequest(Body):
    province_code: OfficialProvince
    commune_code: OfficialCommune
    village: Text | None = None
    moved_on: date


class ReoffenceRequest(Body):
    committed_on: date
    offence_articles: list[Article] = Field(min_length=1, max_length=20)
    status: ReoffenceStatus
    arrest_id: UUID | None = Field(default=None, description="the earlier arrest this conviction settles")


class ClosureRequest(Body):
    closed_on: date
    reason: CaseClosureReason
    note: Text | None = None


class ErasureRequest(Body):
    erased_on: date


class CitizenIdSearch(Body):
    citizen_id: CitizenId
