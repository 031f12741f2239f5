"""Integration events of the supervision service about a place rather than a person: models, outreach."""

from datetime import date
from typing import ClassVar, Self
from uuid import UUID

from pydantic import Field, model_validator

from hoanhap.contracts.supervision.choices import ModelLevel, OutreachActivity
from hoanhap.contracts.supervision.events import SupervisionEvent
from hoanhap.contracts.values import (
    CommuneCode,
    Count,
    FormerPlaceName,
    PositiveCount,
    ProvinceCode,
)

COVERED_COMMUNES_MAX = 200
"""More communes than any province has: a bound on the list a model covers."""


class ModelLaunched(SupervisionEvent):
    """A commune (or, before 2025-07-01, a district) launched a named local support model (mô hình) covering
    communes of one province."""

    event_type: ClassVar[str] = "hoanhap.supervision.ModelLaunched"
    schema_version: ClassVar[int] = 2
    model_id: UUID
    title: str = Field(min_length=1, max_length=300, description="The model's published title")
    level: ModelLevel
    province_code: ProvinceCode
    commune_codes: tuple[CommuneCode, ...] = Field(
        min_length=1, max_length=COVERED_COMMUNES_MAX,
        description="The communes the model covers, all in the province; the first runs it",
    )
    former_district_name: FormerPlaceName | None = None
    launched_on: date

    @model_validator(mode="after")
    def district_model_names_its_district(self) -> Self:
        """A district-level model names the former district it was launched in."""
        if self.level is ModelLevel.DISTRICT and self.former_district_name is None:
            raise ValueError("former_district_name is required for a district-level model")
        return self

    @model_validator(mode="after")
    def each_commune_once(self) -> Self:
        """A covered commune is listed once."""
        if len(set(self.commune_codes)) != len(self.commune_codes):
            raise ValueError("commune_codes lists a commune twice")
        return self


class ModelEnded(SupervisionEvent):
    """A local model stopped running; nothing more is recorded about it. Its place is the launch's."""

    event_type: ClassVar[str] = "hoanhap.supervision.ModelEnded"
    schema_version: ClassVar[int] = 1
    model_id: UUID
    province_code: ProvinceCode
    commune_codes: tuple[CommuneCode, ...] = Field(
        min_length=1, max_length=COVERED_COMMUNES_MAX,
        description="The communes the model covered, as launched; the first ran it",
    )
    ended_on: date


class OutreachLogged(SupervisionEvent):
    """A commune, or a province as a whole, ran outreach: broadcasts, news items, social-platform posts,
    sessions, banners, leaflets, documents handed out, job counselling and job-introduction conferences."""

    event_type: ClassVar[str] = "hoanhap.supervision.OutreachLogged"
    schema_version: ClassVar[int] = 2
    outreach_id: UUID
    activity: OutreachActivity
    quantity: PositiveCount = Field(description="How many broadcasts, items, posts, sessions, banners, leaflets, "
                                                "documents or conferences")
    attendance: Count | None = Field(
        default=None, description="People who attended; given for the gatherings (mobile sessions, job counselling, "
                                  "job-introduction conferences) only"
    )
    province_code: ProvinceCode
    commune_code: CommuneCode | None = Field(description="The commune it was held in; empty for a province-wide one")
    held_on: date
    model_id: UUID | None = Field(default=None, description="The local model that ran the outreach")

    @model_validator(mode="after")
    def attendance_only_for_gatherings(self) -> Self:
        """Attendance is counted for sessions people attend and for nothing else."""
        ensure_attendance_fits(self.activity, self.attendance)
        return self


def ensure_attendance_fits(activity: OutreachActivity, attendance: int | None) -> None:
    """A ValueError unless attendance is given for a gathering and for nothing else."""
    if activity.is_gathering and attendance is None:
        raise ValueError(f"attendance is required for activity {activity}")
    if not activity.is_gathering and attendance is not None:
        raise ValueError(f"attendance must be empty for activity {activity}")
