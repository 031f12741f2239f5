"""POST /v1/releases: register a release notice; the same citizen ID and release date register once.

A release already registered inside the caller's jurisdiction answers its person id; one registered elsewhere
becomes a transfer request to the holding jurisdiction (see adapters/transfers.py), answered without its id or
place.
"""

import uuid
from contextlib import AbstractAsyncContextManager, nullcontext

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal, Principal, ensure_jurisdiction
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.idempotency import IdempotencyKey
from hoanhap_registry.adapters.transfers import REQUESTED, holdings, request_transfer
from hoanhap_registry.api.registry_state import registry_idempotency_key, registry_of
from hoanhap_registry.api.requests import ReleaseRequest
from hoanhap_registry.application.registration import registration_of
from hoanhap_registry.domain.errors import ReleaseAlreadyRegistered

router = APIRouter(prefix="/v1/releases", tags=["releases"])


@router.post("", status_code=201, responses={
    200: {"description": "already registered in your jurisdiction: the existing person id"},
    202: {"description": "already a case of another jurisdiction: a transfer to your commune was requested"},
    403: {"description": "the commune is outside your jurisdiction"}})
async def register_release(body: ReleaseRequest, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """Register a person released into a commune; answers the new person id."""
    ensure_jurisdiction(principal, body.province_code, body.commune_code)
    try:
        return await _register(body, request, principal, look_first=False)
    except ReleaseAlreadyRegistered:  # registered before, or concurrently: answer that person's id
        return await _register(body, request, principal, look_first=True)


async def _register(body: ReleaseRequest, request: Request, principal: Principal, look_first: bool) -> JSONResponse:
    """Register the release; unless look_first, without first looking for an earlier registration of the same
    release: the people table's unique index refuses a second one, and the caller then asks again, looking first
    (a new release, the usual case, so costs one round trip to the database less)."""
    registry = registry_of(request)
    key = await registry_idempotency_key(request, principal)
    async with registry.pool.acquire() as connection, answer_kept_with(key, connection):
        if key and (earlier := await key.earlier_answer(connection)):
            return earlier
        existing = await registry.find_registration(connection, body.citizen_id, body.release_date) \
            if look_first else None
        if existing is not None:
            person_id = existing
            status, answer = await answer_for_existing(connection, existing, body, principal)
        else:
            person_id = uuid.uuid4()
            version = await registry.register(connection, person_id, registration_of(body, body.notified_on),
                                              principal)
            status, answer = 201, {"person_id": str(person_id), "version": version, "already_registered": False}
        if key:  # kept with the person it is about, even when the answer does not name them, so erasure forgets it
            await key.remember(connection, status, answer, person_id)
    return JSONResponse(answer, status)


async def answer_for_existing(connection: Connection, person_id: uuid.UUID, body: ReleaseRequest,
                              principal: Principal) -> tuple[int, dict[str, object]]:
    """The existing case's id when the caller may see it; otherwise a transfer request, naming nothing of it."""
    holding = (await holdings(connection, [person_id]))[person_id]
    if holding.visible_to(principal):
        return 200, {"person_id": str(person_id), "already_registered": True}
    request_id = await request_transfer(connection, person_id, body.province_code, body.commune_code, principal)
    return 202, {"transfer_request_id": str(request_id), "already_registered": True, "detail": REQUESTED}


def answer_kept_with(key: IdempotencyKey | None, connection: Connection) -> AbstractAsyncContextManager:
    """A transaction when the answer is to be kept under an Idempotency-Key; none is needed otherwise, since a
    registration is one statement (which also keeps the event store's append lock inside the server)."""
    return connection.transaction() if key else nullcontext()

