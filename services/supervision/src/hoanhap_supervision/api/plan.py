"""A person's reintegration plan: each need area's status over time and its case notes; read it, change an area."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal
from hoanhap.contracts import NeedArea
from hoanhap_supervision.adapters.reintegration_views import plan_view
from hoanhap_supervision.api.case_changes import ANSWERS, record
from hoanhap_supervision.api.reintegration_requests import PlanChange
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.application.reintegration_input import PlanInput

router = APIRouter(prefix="/v1/people/{person_id}/plan", tags=["plan"])


@router.post("/{area}", responses=ANSWERS)
async def change_plan(person_id: uuid.UUID, area: NeedArea, body: PlanChange, request: Request,
                      principal: CurrentPrincipal) -> JSONResponse:
    """Move a need area to another status, add a case note on it, or both, on a day of the case (by the caller)."""
    return await record(request, person_id, PlanInput(area, body.status, body.note, body.changed_on), principal)


@router.get("", responses=ANSWERS)
async def read_plan(person_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> list[dict[str, Any]]:
    """Every need area with its status, its status changes (the day and who) and its notes (None once the person
    is erased)."""
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        _, stored = await supervision.records_for(connection, person_id, principal)
        key = await supervision.keys.fetch(connection, person_id)
    return plan_view(stored, key, person_id)
