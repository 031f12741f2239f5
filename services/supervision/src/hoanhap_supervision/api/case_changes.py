"""POST /v1/people/{person_id}/…: what officers record on a supervision case, and who is in charge of it."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal, Principal
from hoanhap.postgres.connections import Connection
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
from hoanhap_supervision.application.supervision import Supervision

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
    If-Match names; the answer's ETag is the new version. With a key, the key's answer and the effect commit in
    one transaction; without one, the effect is one statement (the append, its state alongside, checked against
    the version read) and needs none."""
    supervision = supervision_of(request)
    key = await supervision_idempotency_key(request, principal)
    async with supervision.pool.acquire() as connection:
        if key is None:
            return answer(person_id, await recorded(supervision, connection, person_id, asked, principal, request),
                          extra)
        async with connection.transaction():
            if earlier := await key.earlier_answer(connection):
                return earlier
            version = await recorded(supervision, connection, person_id, asked, principal, request)
            await key.remember(connection, 200, answer_body(person_id, version, extra), person_id)
    return answer(person_id, version, extra)


async def recorded(supervision: Supervision, connection: Connection, person_id: uuid.UUID, asked: OfficerInput,
                   principal: Principal, request: Request) -> int:
    """The new version once it is recorded on the version If-Match names (if any), as of Vietnam's today."""
    return await supervision.record(connection, person_id, asked, principal, expected_version(request),
                                    vietnam_today())


def answer_body(person_id: uuid.UUID, version: int, extra: dict[str, Any] | None) -> dict[str, Any]:
    """What a recorded change answers: the person, the new version and the id of what was recorded, if any."""
    return {"person_id": str(person_id), "version": version, **(extra or {})}


def answer(person_id: uuid.UUID, version: int, extra: dict[str, Any] | None) -> JSONResponse:
    """The answer, with the new version as its ETag."""
    return JSONResponse(answer_body(person_id, version, extra), 200, headers={"ETag": etag(version)})
