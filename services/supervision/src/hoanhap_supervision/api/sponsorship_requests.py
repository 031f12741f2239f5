"""Request bodies of sponsors and support: every field validated, every refusal naming the field and the reason."""

import uuid
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from hoanhap.contracts import SponsorKind, SupportKind
from hoanhap.contracts.values import Day, Money
from hoanhap_supervision.api.requests import Body, FreeText, encodable
from hoanhap_supervision.domain.sponsorship import SPONSOR_SUBJECT_PREFIX

SponsorSubject = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200,
                                                  pattern=rf"^{SPONSOR_SUBJECT_PREFIX}[A-Za-z0-9._@-]{{1,100}}$"),
                           AfterValidator(encodable)]
"""A sponsor's token subject: "sponsor:" and an opaque account id (no name: it is stored in clear)."""


class SponsorRequest(Body):
    kind: SponsorKind
    name: FreeText = Field(description="the sponsor's name (kept sealed)")
    contact: FreeText | None = Field(default=None, description="how to reach the sponsor (kept sealed)")
    token_subject: SponsorSubject | None = Field(
        default=None, description='the subject of the token the sponsor signs in with ("sponsor:…"); without it the '
                                  "sponsor does not sign in")
    model_id: uuid.UUID | None = Field(default=None, description="the local model the sponsor acts for")
    assigned_on: Day = Field(description="from the case's opening to today")


class SponsorshipEnd(Body):
    ended_on: Day = Field(description="from the day the sponsor was assigned to today")
    reason: FreeText = Field(description="why it ended (kept sealed)")


class SupportRequest(Body):
    kind: SupportKind
    provided_on: Day = Field(description="from the case's opening to today")
    value: Money | None = Field(default=None, description="material aid's value in whole VND (required for it, "
                                                          "refused for any other kind)")
    model_id: uuid.UUID | None = Field(default=None, description="the local model the support came through")
    note: FreeText | None = Field(default=None, description="what was given (kept sealed)")
