"""Reads of one supervision case: its state with the contacts due, its assessments, its contacts."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.versions import etag
from hoanhap_supervision.adapters.caseload_queries import registry_facts
from hoanhap_supervision.adapters.sealed_texts import assessments_view, visits_view
from hoanhap_supervision.adapters.views import case_view
from hoanhap_supervision.api.supervision_state import supervision_of

router = APIRouter(prefix="/v1/people/{person_id}", tags=["cases"])
ANSWERS: dict[int | str, dict[str, object]] = {
    403: {"description": "outside your jurisdiction"}, 404: {"description": "no supervision case for this person"}}


@router.get("", responses=ANSWERS)
async def read_case(person_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """The case where it is now: risk group, last and next-due contacts, reassessment due, the registry's facts;
    ETag = its version."""
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        case, version = await supervision.case_for(connection, person_id, principal)
        registry = await registry_facts(connection, person_id)
    view = case_view(case, version, supervision.rules, vietnam_today(), registry)
    return JSONResponse(view, headers={"ETag": etag(version)})


@router.get("/assessments", responses=ANSWERS)
async def list_assessments(person_id: uuid.UUID, request: Request,
                           principal: CurrentPrincipal) -> list[dict[str, Any]]:
    """Every assessment in order, with its factors and its reason (None once the person is erased)."""
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        _, stored = await supervision.records_for(connection, person_id, principal)
        key = await supervision.keys.fetch(connection, person_id)
    return assessments_view(stored, key, person_id)


@router.get("/visits", responses=ANSWERS)
async def list_visits(person_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> list[dict[str, Any]]:
    """Every contact in order, with who made it, its outcome and its note (None once the person is erased)."""
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        _, stored = await supervision.records_for(connection, person_id, principal)
        key = await supervision.keys.fetch(connection, person_id)
    return visits_view(stored, key, person_id)
