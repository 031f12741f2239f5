"""Request bodies of the reintegration plan and appointments: every field validated, every refusal naming the
field and the reason."""

from pydantic import Field

from hoanhap.contracts import NeedArea, PlanStatus
from hoanhap.contracts.values import Day, Instant
from hoanhap_supervision.api.requests import Body, FreeText
from hoanhap_supervision.domain.reintegration import AppointmentOutcome, AppointmentPurpose


class PlanChange(Body):
    status: PlanStatus | None = Field(default=None, description="the area's new status (a note alone keeps it)")
    note: FreeText | None = Field(default=None, description="a case note on the area (kept sealed)")
    changed_on: Day = Field(description="the day of the change or note, from the case's opening to today")


class PlanSyncChange(PlanChange):
    """A plan change recorded offline: the area, which the endpoint takes in its path, is in the body."""

    area: NeedArea


class AppointmentRequest(Body):
    starts_at: Instant = Field(description="when, with its timezone (shown in Asia/Ho_Chi_Minh); from the case's "
                                           "opening on, the future included")
    where: FreeText = Field(description="the place (kept sealed)")
    with_whom: FreeText = Field(description="the officer, sponsor or organisation met (kept sealed)")
    purpose: AppointmentPurpose | NeedArea = Field(description="what it is for: reporting, plan_review, "
                                                               "counselling or one need area of the plan")


class AppointmentOutcomeRequest(Body):
    outcome: AppointmentOutcome
    outcome_on: Day = Field(description="from the case's opening to today; attended or missed not before the "
                                        "appointment's day")
