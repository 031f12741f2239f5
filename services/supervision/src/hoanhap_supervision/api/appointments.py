"""A person's appointments: make one, record what came of it, list them (place and who met, unsealed)."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal
from hoanhap_supervision.adapters.reintegration_views import appointments_view
from hoanhap_supervision.api.case_changes import ANSWERS, record
from hoanhap_supervision.api.reintegration_requests import AppointmentOutcomeRequest, AppointmentRequest
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.application.reintegration_input import AppointmentInput, AppointmentOutcomeInput

router = APIRouter(prefix="/v1/people/{person_id}/appointments", tags=["appointments"])


@router.post("", responses=ANSWERS)
async def make_appointment(person_id: uuid.UUID, body: AppointmentRequest, request: Request,
                           principal: CurrentPrincipal) -> JSONResponse:
    """An appointment with the person: when, where, with whom and what for."""
    appointment_id = uuid.uuid4()
    asked = AppointmentInput(appointment_id, body.starts_at, body.purpose, body.where, body.with_whom)
    return await record(request, person_id, asked, principal, {"appointment_id": str(appointment_id)})


@router.post("/{appointment_id}/outcome", responses=ANSWERS)
async def record_outcome(person_id: uuid.UUID, appointment_id: uuid.UUID, body: AppointmentOutcomeRequest,
                         request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """What came of it (404 for an appointment the case never had, 409 once its outcome is recorded)."""
    asked = AppointmentOutcomeInput(appointment_id, body.outcome, body.outcome_on)
    return await record(request, person_id, asked, principal)


@router.get("", responses=ANSWERS)
async def list_appointments(person_id: uuid.UUID, request: Request,
                            principal: CurrentPrincipal) -> list[dict[str, Any]]:
    """Every appointment in order, its time in Vietnam's, its place and who met (None once the person is erased)
    and its outcome."""
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        _, stored = await supervision.records_for(connection, person_id, principal)
        key = await supervision.keys.fetch(connection, person_id)
    return appointments_view(stored, key, person_id)
