"""POST /v1/people/{person_id}/…: what officers record on a supervision case, and who is in charge of it."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal, Principal
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.versions import etag, expected_version
from hoanhap_supervision.api.requests import AssessmentRequest, OfficerAssignment, VisitRequest
from hoanhap_supervision.api.supervision_state import supervision_idempotency_key, supervision_of
from hoanhap_supervision.application.officer_input import (
    AssessmentInput,
    AssignmentInput,
    OfficerInput,
    VisitInput,
)

router = APIRouter(prefix="/v1/people/{person_id}", tags=["cases"])
ANSWERS: dict[int | str, dict[str, object]] = {
    403: {"description": "outside your jurisdiction"}, 404: {"description": "no supervision case for this person"},
    409: {"description": "the case is closed or erased, or someone changed it first (current_version)"}}


@router.post("/assessments", responses=ANSWERS)
async def assess_risk(person_id: uuid.UUID, body: AssessmentRequest, request: Request,
                      principal: CurrentPrincipal) -> JSONResponse:
    """Assess (or reassess) the person into risk group A–D, with the factors that decided it and why; the next
    reassessment falls due after the group's interval."""
    asked = AssessmentInput(body.risk_group, body.factors, body.reason, body.assessed_on)
    return await record(request, person_id, asked, principal)


@router.post("/visits", responses=ANSWERS)
async def log_visit(person_id: uuid.UUID, body: VisitRequest, request: Request,
                    principal: CurrentPrincipal) -> JSONResponse:
    """Log a contact (home visit, report at the commune, phone call) by the caller, with its outcome and note."""
    visit_id = uuid.uuid4()
    asked = VisitInput(visit_id, body.kind, body.visited_on, body.outcome, body.note)
    return await record(request, person_id, asked, principal, {"visit_id": str(visit_id)})


@router.post("/officer", responses=ANSWERS)
async def assign_officer(person_id: uuid.UUID, body: OfficerAssignment, request: Request,
                         principal: CurrentPrincipal) -> JSONResponse:
    """Put an officer in charge of the case (a supervisor's decision); it shows in the officer's caseload until
    the case moves to another commune or another officer is put in charge."""
    return await record(request, person_id, AssignmentInput(body.officer, body.assigned_on), principal)


async def record(request: Request, person_id: uuid.UUID, asked: OfficerInput, principal: Principal,
                 extra: dict[str, Any] | None = None) -> JSONResponse:
    """Record it once, however often the request is retried with its Idempotency-Key, only on the version
    If-Match names, in one transaction; the answer's ETag is the new version."""
    supervision = supervision_of(request)
    key = await supervision_idempotency_key(request, principal)
    async with supervision.pool.acquire() as connection, connection.transaction():
        if key and (earlier := await key.earlier_answer(connection)):
            return earlier
        version = await supervision.record(connection, person_id, asked, principal, expected_version(request),
                                           vietnam_today())
        body = {"person_id": str(person_id), "version": version, **(extra or {})}
        if key:
            await key.remember(connection, 200, body, person_id)
    return JSONResponse(body, 200, headers={"ETag": etag(version)})
