"""POST /v1/people/{person_id}/…: what officers record about a case after registration."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal, Principal
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.idempotency import forget_answers_about
from hoanhap.write_path.versions import etag, expected_version
from hoanhap_registry.api.registry_state import registry_idempotency_key, registry_of
from hoanhap_registry.api.requests import (
    ClosureRequest,
    ErasureRequest,
    IntakeRequest,
    ReoffenceRequest,
    ResidenceChangeRequest,
    ResidenceConfirmation,
)
from hoanhap_registry.domain import commands as cmd

router = APIRouter(prefix="/v1/people/{person_id}", tags=["cases"])
ANSWERS: dict[int | str, dict[str, object]] = {
    403: {"description": "outside your jurisdiction"}, 404: {"description": "no such person"},
    409: {"description": "the case does not allow it now, or someone changed it first (current_version)"}}


@router.post("/residence-confirmation", responses=ANSWERS)
async def confirm_residence(person_id: uuid.UUID, body: ResidenceConfirmation, request: Request,
                            principal: CurrentPrincipal) -> JSONResponse:
    """Confirm the person lives at the notified place (due within 3 working days)."""
    return await change_case(request, person_id, cmd.ConfirmResidence(body.confirmed_on), principal)


@router.post("/intake", responses=ANSWERS)
async def record_intake(person_id: uuid.UUID, body: IntakeRequest, request: Request,
                        principal: CurrentPrincipal) -> JSONResponse:
    """Record the commitment (HCD-05) and the information sheet (HCD-02)."""
    command = cmd.RecordIntake(body.commitment_on, body.information_sheet_on)
    return await change_case(request, person_id, command, principal)


@router.post("/residence-changes", responses=ANSWERS)
async def change_residence(person_id: uuid.UUID, body: ResidenceChangeRequest, request: Request,
                           principal: CurrentPrincipal) -> JSONResponse:
    """Transfer the person to another commune, possibly in another province; the case moves with them."""
    command = cmd.ChangeResidence(body.province_code, body.commune_code, body.village, body.moved_on)
    return await change_case(request, person_id, command, principal)


@router.post("/reoffences", responses=ANSWERS)
async def record_reoffence(person_id: uuid.UUID, body: ReoffenceRequest, request: Request,
                           principal: CurrentPrincipal) -> JSONResponse:
    """Record a reoffence, or with arrest_id the conviction that settles an earlier arrest."""
    reoffence_id = body.arrest_id or uuid.uuid4()
    command = cmd.RecordReoffence(reoffence_id, body.committed_on, tuple(body.offence_articles), body.status,
                                  updates_arrest=body.arrest_id is not None)
    return await change_case(request, person_id, command, principal, {"reoffence_id": str(reoffence_id)})


@router.post("/closure", responses=ANSWERS)
async def close_case(person_id: uuid.UUID, body: ClosureRequest, request: Request,
                     principal: CurrentPrincipal) -> JSONResponse:
    """Close the case: record cleared, deceased, or another reason with a note."""
    return await change_case(request, person_id, cmd.CloseCase(body.closed_on, body.reason, body.note), principal)


@router.post("/erasure", responses=ANSWERS)
async def erase_identity(person_id: uuid.UUID, request: Request, principal: CurrentPrincipal,
                         body: ErasureRequest | None = None) -> JSONResponse:
    """Destroy the person's name and ID number (their key); the history stays, and still verifies."""
    return await change_case(request, person_id, cmd.EraseIdentity(body.erased_on if body else vietnam_today()),
                             principal)


async def change_case(request: Request, person_id: uuid.UUID, command: cmd.Command, principal: Principal,
                      extra: dict[str, Any] | None = None) -> JSONResponse:
    """Apply the command to the case once, however often the request is retried with its Idempotency-Key, only
    to the version If-Match names, in one transaction; the answer's ETag is the new version. Erasure forgets the
    remembered answers about the person."""
    registry = registry_of(request)
    key = await registry_idempotency_key(request, principal)
    async with registry.pool.acquire() as connection, connection.transaction():
        if key and (earlier := await key.earlier_answer(connection)):
            return earlier
        _, version = await registry.change(connection, person_id, command, principal, expected_version(request))
        if isinstance(command, cmd.EraseIdentity):
            await forget_answers_about(connection, person_id)
        body = {"person_id": str(person_id), "version": version, **(extra or {})}
        if key:
            await key.remember(connection, 200, body, person_id)
    return JSONResponse(body, 200, headers={"ETag": etag(version)})
