"""Request bodies of local models and outreach reports: every field validated, every refusal naming the field."""

from typing import Annotated
from uuid import UUID

from pydantic import AfterValidator, Field, StringConstraints

from hoanhap.contracts import ModelLevel, OutreachActivity
from hoanhap.contracts.values import CommuneCode, Count, Day, FormerPlaceName, PositiveCount, ProvinceCode
from hoanhap_supervision.api.requests import Body, encodable

COMMUNES_MAX = 200

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300,
                                         pattern=r"^[^\x00-\x1f]*$"), AfterValidator(encodable)]
"""An organisation's or a model's name: published, so never a person's."""


class ModelLaunch(Body):
    title: Title = Field(description="the model's name, as published (never a person's)")
    level: ModelLevel = Field(description="district only for a model launched before 2025-07-01")
    province_code: ProvinceCode
    commune_codes: list[CommuneCode] = Field(min_length=1, max_length=COMMUNES_MAX,
                                             description="official communes of the province, the first runs it")
    former_district_name: FormerPlaceName | None = Field(default=None,
                                                         description="the former district, for a district model")
    lead_organisation: Title = Field(description="the organisation leading it (never a person)")
    launched_on: Day = Field(description="not after today")


class MemberJoining(Body):
    person_id: UUID = Field(description="a person supervised in one of the model's communes")
    joined_on: Day = Field(description="from the model's launch to today")


class MemberLeaving(Body):
    person_id: UUID = Field(description="a member of the model")
    left_on: Day = Field(description="from the model's launch to today")


class ModelEnding(Body):
    ended_on: Day = Field(description="from the model's launch to today")


class OutreachReport(Body):
    activity: OutreachActivity
    quantity: PositiveCount = Field(description="how many broadcasts, items, posts, sessions, banners, leaflets, "
                                                "documents or conferences")
    attendance: Count | None = Field(default=None, description="people who attended: for gatherings only "
                                                               "(mobile sessions, job counselling, job-introduction "
                                                               "conferences), required there")
    province_code: ProvinceCode
    commune_code: CommuneCode | None = Field(default=None, description="none for a province-wide activity")
    held_on: Day = Field(description="not after today")
