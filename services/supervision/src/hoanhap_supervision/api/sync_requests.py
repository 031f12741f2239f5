"""The body of POST /v1/sync, and the kinds of case write a device may record offline.

A new write becomes syncable by one line in SYNC_KINDS: its name, the request model its endpoint validates, and how
a valid body (with the operation's id, which becomes the id of what it records: a resent one is the same) becomes
the OfficerInput that `Supervision.record` takes, as "support" was added. A sponsor assigned offline would be
`"sponsor": SyncKind(SponsorRequest, lambda body, op_id: SponsorInput(op_id, body.kind, ...))`; ending one needs a
body naming the sponsor_id (today it is in the path).
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import Field, field_validator

from hoanhap.contracts.values import Instant, PositiveCount
from hoanhap_supervision.api.reintegration_requests import PlanSyncChange
from hoanhap_supervision.api.requests import AssessmentRequest, Body, VisitRequest
from hoanhap_supervision.api.sponsorship_requests import SupportRequest
from hoanhap_supervision.application.officer_input import AssessmentInput, OfficerInput, VisitInput
from hoanhap_supervision.application.reintegration_input import PlanInput
from hoanhap_supervision.application.sponsorship_input import SupportInput

MAX_OPERATIONS = 500


@dataclass(frozen=True)
class SyncKind:
    """A case write a device may record: its body's model, and the input it makes (given the operation id)."""

    request: type[Body]
    asked: Callable[[Any, uuid.UUID], OfficerInput]


SYNC_KINDS: dict[str, SyncKind] = {
    "assessment": SyncKind(AssessmentRequest, lambda body, _: AssessmentInput(body.risk_group, body.factors,
                                                                              body.reason, body.assessed_on)),
    # the operation id is the contact's id: a resent visit is the same visit
    "visit": SyncKind(VisitRequest, lambda body, operation_id: VisitInput(operation_id, body.kind, body.visited_on,
                                                                          body.outcome, body.note)),
    "support": SyncKind(SupportRequest, lambda body, operation_id: SupportInput(
        operation_id, body.kind, body.provided_on, body.value, body.model_id, body.note)),
    "plan": SyncKind(PlanSyncChange, lambda body, _: PlanInput(body.area, body.status, body.note, body.changed_on)),
}


class OperationRequest(Body):
    operation_id: uuid.UUID = Field(description="generated on the device; the idempotency key of its effect")
    person_id: uuid.UUID
    device_at: Instant = Field(description="when the device recorded it (its own clock)")
    based_on_version: PositiveCount = Field(description="the case's version the device saw (its ETag)")
    kind: str = Field(description=f"one of: {', '.join(SYNC_KINDS)}")
    body: dict[str, Any] = Field(description="the body the kind's own endpoint takes (checked per operation)")

    @field_validator("kind")
    @classmethod
    def is_a_kind(cls, value: str) -> str:
        """A write a device may record offline."""
        if value not in SYNC_KINDS:
            raise ValueError(f"must be one of: {', '.join(SYNC_KINDS)}")
        return value


class SyncBatch(Body):
    sent_at: Instant = Field(description="when the device sent the batch (its own clock)")
    operations: list[OperationRequest] = Field(min_length=1, max_length=MAX_OPERATIONS,
                                               description="in the order they were recorded")
