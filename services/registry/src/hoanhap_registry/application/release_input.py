"""A release as the registry takes it, from a release notice over HTTP or a row of an officer's spreadsheet: every
field checked, and the fields checked together, each refusal placed on the field to correct."""

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from hoanhap.contracts import ReleaseType, Sex
from hoanhap.contracts.values import Day, MonthCount
from hoanhap_registry.application.field_types import (
    Article,
    CitizenId,
    OfficialCommune,
    OfficialProvince,
    PastDate,
    Text,
)
from hoanhap_registry.application.release_rules import problems_between_fields


class ReleaseFields(BaseModel):
    """What the registration of a release needs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    full_name: Text
    citizen_id: CitizenId = Field(description="12-digit citizen ID (CCCD)")
    birth_date: PastDate
    sex: Sex
    province_code: OfficialProvince
    commune_code: OfficialCommune
    village: Text | None = None
    former_place_name: Text | None = Field(default=None, description="former district or commune, kept as text")
    facility: Text = Field(description="prison or facility released from")
    offence_articles: tuple[Article, ...] = Field(min_length=1, max_length=20, description="Penal Code articles")
    sentence_months: MonthCount
    release_type: ReleaseType
    release_date: Day
    supervision_end: Day | None = Field(default=None, description="end of probation or supervision")
    certificate_number: Text | None = None

    @model_validator(mode="after")
    def fields_fit_together(self) -> Self:
        """Age at release, supervision period and residence, each refusal placed on the field to correct."""
        problems = problems_between_fields(self)
        if problems:
            raise ValidationError.from_exception_data(type(self).__name__, [p.as_error_details() for p in problems])
        return self

