"""Local models (mô hình): launch one, add and remove members, end it; read one; list a commune's or your own."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal, Principal, ensure_jurisdiction
from hoanhap.contracts.values import CommuneCode
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.versions import etag, expected_version
from hoanhap_supervision.adapters.community_tables import models_of
from hoanhap_supervision.adapters.community_views import model_view
from hoanhap_supervision.api.community_requests import MemberJoining, MemberLeaving, ModelEnding, ModelLaunch
from hoanhap_supervision.api.community_state import community_of, written_once
from hoanhap_supervision.domain.local_models import AddMember, EndModel, LaunchModel, ModelCommand, RemoveMember

router = APIRouter(prefix="/v1", tags=["local models"])
ANSWERS: dict[int | str, dict[str, object]] = {
    403: {"description": "the model covers communes outside your jurisdiction"},
    404: {"description": "no local model with this id"},
    409: {"description": "the model ended, or someone changed it first (current_version)"}}


@router.post("/models", status_code=201, responses={403: ANSWERS[403]})
async def launch_model(body: ModelLaunch, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """Launch a local model in communes of your jurisdiction (district level only before 2025-07-01)."""
    model_id = uuid.uuid4()
    command = LaunchModel(model_id, body.title, body.level, body.province_code, tuple(body.commune_codes),
                          body.former_district_name, body.lead_organisation, body.launched_on)

    async def launch(connection: Connection) -> tuple[dict[str, Any], int]:
        await community_of(request).launch(connection, command, principal, vietnam_today())
        return {"model_id": str(model_id), "version": 1}, 1
    return await written_once(request, principal, 201, launch)


@router.post("/models/{model_id}/members", responses=ANSWERS)
async def add_member(model_id: uuid.UUID, body: MemberJoining, request: Request,
                     principal: CurrentPrincipal) -> JSONResponse:
    """A person supervised in one of the model's communes joins it."""
    return await change(request, model_id, AddMember(body.person_id, body.joined_on), principal)


@router.post("/models/{model_id}/member-removals", responses=ANSWERS)
async def remove_member(model_id: uuid.UUID, body: MemberLeaving, request: Request,
                        principal: CurrentPrincipal) -> JSONResponse:
    """A member leaves the model."""
    return await change(request, model_id, RemoveMember(body.person_id, body.left_on), principal)


@router.post("/models/{model_id}/end", responses=ANSWERS)
async def end_model(model_id: uuid.UUID, body: ModelEnding, request: Request,
                    principal: CurrentPrincipal) -> JSONResponse:
    """The model stops running: nothing more is recorded about it."""
    return await change(request, model_id, EndModel(body.ended_on), principal)


@router.get("/models/{model_id}", responses={status: ANSWERS[status] for status in (403, 404)})
async def read_model(model_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """A model covering a commune of yours, with its communes and members; ETag = its version."""
    community = community_of(request)
    async with community.supervision.pool.acquire() as connection:
        model, version = await community.model_for(connection, model_id, principal, changing=False)
    return JSONResponse(model_view(model, version), headers={"ETag": etag(version)})


@router.get("/models")
async def my_models(request: Request, principal: CurrentPrincipal) -> dict[str, Any]:
    """The models of your province covering a commune of yours (all of the province's for a province-wide
    caller), oldest launch first."""
    communes = principal.jurisdiction.communes or None
    return await listed(request, principal.jurisdiction.province, communes)


@router.get("/communes/{commune_code}/models")
async def commune_models(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal) -> dict[str, Any]:
    """The models covering the commune, oldest launch first."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    return await listed(request, principal.jurisdiction.province, (commune_code,))


async def listed(request: Request, province_code: str, communes: tuple[str, ...] | None) -> dict[str, Any]:
    """The models of the province covering one of the communes (None: all)."""
    async with community_of(request).supervision.pool.acquire() as connection:
        models = await models_of(connection, province_code, communes)
    return {"total": len(models), "models": [model_view(model) for model in models]}


async def change(request: Request, model_id: uuid.UUID, command: ModelCommand,
                 principal: Principal) -> JSONResponse:
    """Change the model once per Idempotency-Key, only on the version If-Match names."""
    async def changed(connection: Connection) -> tuple[dict[str, Any], int]:
        version = await community_of(request).change(connection, model_id, command, principal,
                                                     expected_version(request), vietnam_today())
        return {"model_id": str(model_id), "version": version}, version
    return await written_once(request, principal, 200, changed)
