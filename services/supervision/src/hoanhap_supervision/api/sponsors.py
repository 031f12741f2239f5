"""A case's sponsors: assign one, end one, list them (with their sealed names and contacts opened)."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal
from hoanhap_supervision.adapters.sponsorship_views import sponsors_view
from hoanhap_supervision.api.case_changes import ANSWERS, record
from hoanhap_supervision.api.sponsorship_requests import SponsorRequest, SponsorshipEnd
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.application.sponsorship_input import SponsorInput, SponsorshipEndInput

router = APIRouter(prefix="/v1/people/{person_id}/sponsors", tags=["sponsors"])


@router.post("", responses=ANSWERS)
async def assign_sponsor(person_id: uuid.UUID, body: SponsorRequest, request: Request,
                         principal: CurrentPrincipal) -> JSONResponse:
    """A person, organisation or business takes on sponsoring the person; with a token subject, the sponsor's
    token may then log visits and support for them (and only for the people it sponsors)."""
    sponsor_id = uuid.uuid4()
    asked = SponsorInput(sponsor_id, body.kind, body.name, body.contact, body.token_subject, body.model_id,
                         body.assigned_on)
    return await record(request, person_id, asked, principal, {"sponsor_id": str(sponsor_id)})


@router.post("/{sponsor_id}/end", responses=ANSWERS)
async def end_sponsorship(person_id: uuid.UUID, sponsor_id: uuid.UUID, body: SponsorshipEnd, request: Request,
                          principal: CurrentPrincipal) -> JSONResponse:
    """The sponsor stops sponsoring the person (404 for a sponsor the case never had, 409 if it already ended)."""
    return await record(request, person_id, SponsorshipEndInput(sponsor_id, body.ended_on, body.reason), principal)


@router.get("", responses=ANSWERS)
async def list_sponsors(person_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> list[dict[str, Any]]:
    """Every sponsor in order, with name, contact and end reason (None once the person is erased)."""
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        _, stored = await supervision.records_for(connection, person_id, principal)
        key = await supervision.keys.fetch(connection, person_id)
    return sponsors_view(stored, key, person_id)
