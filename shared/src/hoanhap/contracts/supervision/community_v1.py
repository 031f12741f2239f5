"""Superseded versions of supervision's events about a place, kept so that messages of those versions can still be
read (and upcast to the newest, see hoanhap.contracts.versions.known_events)."""

from datetime import date
from typing import ClassVar, Self
from uuid import UUID

from pydantic import Field, model_validator

from hoanhap.contracts.supervision.choices import ModelLevel, OutreachActivity
from hoanhap.contracts.supervision.community import ensure_attendance_fits
from hoanhap.contracts.supervision.events import SupervisionEvent
from hoanhap.contracts.values import CommuneCode, Count, FormerPlaceName, PositiveCount, ProvinceCode


class ModelLaunchedV1(SupervisionEvent):
    """Version 1 named one commune, the one running the model, not the communes it covers. Version 2 lists them
    all (the one running it first)."""

    event_type: ClassVar[str] = "hoanhap.supervision.ModelLaunched"
    schema_version: ClassVar[int] = 1
    model_id: UUID
    title: str = Field(min_length=1, max_length=300, description="The model's published title")
    level: ModelLevel
    province_code: ProvinceCode
    commune_code: CommuneCode = Field(description="The commune that runs the model today")
    former_district_name: FormerPlaceName | None = None
    launched_on: date

    @model_validator(mode="after")
    def district_model_names_its_district(self) -> Self:
        """A district-level model names the former district it was launched in."""
        if self.level is ModelLevel.DISTRICT and self.former_district_name is None:
            raise ValueError("former_district_name is required for a district-level model")
        return self


class OutreachLoggedV1(SupervisionEvent):
    """Version 1 always named a commune: a province-wide report could not be carried. Version 2's commune is
    empty for one."""

    event_type: ClassVar[str] = "hoanhap.supervision.OutreachLogged"
    schema_version: ClassVar[int] = 1
    outreach_id: UUID
    activity: OutreachActivity
    quantity: PositiveCount = Field(description="How many broadcasts, items, sessions, banners or leaflets")
    attendance: Count | None = Field(
        default=None, description="People who attended; given for mobile and job-counselling sessions only"
    )
    province_code: ProvinceCode
    commune_code: CommuneCode
    held_on: date
    model_id: UUID | None = Field(default=None, description="The local model that ran the outreach")

    @model_validator(mode="after")
    def attendance_only_for_gatherings(self) -> Self:
        """Attendance is counted for sessions people attend and for nothing else."""
        ensure_attendance_fits(self.activity, self.attendance)
        return self
