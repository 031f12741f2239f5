"""Support given to a person: record it (officers, and sponsors for the people they sponsor), list it."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal
from hoanhap_supervision.adapters.sponsorship_views import support_view
from hoanhap_supervision.api.case_changes import ANSWERS, record
from hoanhap_supervision.api.sponsorship_requests import SupportRequest
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.application.sponsorship_input import SupportInput

router = APIRouter(prefix="/v1/people/{person_id}/support", tags=["support"])


@router.post("", responses=ANSWERS)
async def provide_support(person_id: uuid.UUID, body: SupportRequest, request: Request,
                          principal: CurrentPrincipal) -> JSONResponse:
    """Counselling, vocational training, a job referral, loan assistance, residence and ID papers, or material aid
    with its value in VND, given by the caller, maybe through a local model."""
    support_id = uuid.uuid4()
    asked = SupportInput(support_id, body.kind, body.provided_on, body.value, body.model_id, body.note)
    return await record(request, person_id, asked, principal, {"support_id": str(support_id)})


@router.get("", responses=ANSWERS)
async def list_support(person_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> list[dict[str, Any]]:
    """Every support given in order, by whom, with its note (None once the person is erased)."""
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        _, stored = await supervision.records_for(connection, person_id, principal)
        key = await supervision.keys.fetch(connection, person_id)
    return support_view(stored, key, person_id)
