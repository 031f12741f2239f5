"""/v1/communes/{commune_code}/borrower-lists: the commune's list of people who may borrow under Decision
22/2023/QĐ-TTg (Form 01), drawn up by its police from the registry's facts and certified by the commune People's
Committee; the certification tells the bank, one CommuneListingCertified per person (no name, no signatory)."""

import json
import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal, Principal, ensure_jurisdiction
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.idempotency import REPLAY_HEADER
from hoanhap_registry.adapters.borrower_list_views import borrower_list
from hoanhap_registry.api.registry_state import borrower_lists_of, registry_idempotency_key, registry_of
from hoanhap_registry.api.requests import BorrowerListRequest, CommuneCode, ListCertification
from hoanhap_registry.application.borrower_lists import ListNotFound

router = APIRouter(prefix="/v1/communes/{commune_code}/borrower-lists", tags=["borrower lists"])
ANSWERS: dict[int | str, dict[str, object]] = {403: {"description": "another commune's list"},
                                               404: {"description": "no such list in the commune"}}
CERTIFIED: dict[int | str, dict[str, object]] = {**ANSWERS, 409: {"description": "certified already"}}


@router.post("", status_code=201, responses=ANSWERS)
async def draw_list(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                    body: BorrowerListRequest | None = None) -> JSONResponse:
    """Draw up the commune's list as of today from the registry's facts: its people (where they live now)
    released on a completed sentence or special amnesty, or early on condition with the probation ended, at most
    5 years ago, with no reoffence that stands; less those excluded. The rows are fixed now."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    excluded = frozenset(body.excluded_person_ids if body else ())
    key = await registry_idempotency_key(request, principal)
    async with registry_of(request).pool.acquire() as connection, connection.transaction():
        earlier = await key.earlier_answer(connection) if key else None
        if earlier:  # the names are not kept with the key: the list is read again
            list_id = uuid.UUID(json.loads(bytes(earlier.body))["list_id"])
        else:
            list_id = await borrower_lists_of(request).draw(connection, commune_code, excluded, principal,
                                                            vietnam_today())
            if key:
                await key.remember(connection, 201, {"list_id": str(list_id)})
        answer = await list_answer(request, connection, commune_code, list_id, principal)
    return JSONResponse(answer, 201, headers={REPLAY_HEADER: "true"} if earlier else None)


@router.get("/{list_id:uuid}", responses=ANSWERS)
async def read_list(commune_code: CommuneCode, list_id: uuid.UUID, request: Request,
                    principal: CurrentPrincipal) -> dict[str, Any]:
    """The list, its certification (if any) and its rows, each with the person's name while it can be read."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    async with registry_of(request).pool.acquire() as connection:
        return await list_answer(request, connection, commune_code, list_id, principal)


@router.post("/{list_id:uuid}/certification", responses=CERTIFIED)
async def certify_list(commune_code: CommuneCode, list_id: uuid.UUID, body: ListCertification, request: Request,
                       principal: CurrentPrincipal) -> dict[str, Any]:
    """Record, once, that the commune People's Committee certified the list (who signed and when); the bank is
    told of each person on it in the same transaction."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    async with registry_of(request).pool.acquire() as connection, connection.transaction():
        listed = await borrower_lists_of(request).certify(connection, commune_code, list_id, body.certified_on,
                                                          body.certified_by, principal, vietnam_today())
        answer = await list_answer(request, connection, commune_code, list_id, principal)
    return {"list_id": answer["list_id"], "certification": answer["certification"], "listed": listed}


async def list_answer(request: Request, connection: Connection, commune_code: str, list_id: uuid.UUID,
                      principal: Principal) -> dict[str, Any]:
    """The list as a read shows it; ListNotFound outside the caller's commune."""
    found = await borrower_list(connection, registry_of(request).keys, list_id, principal.jurisdiction.province,
                                commune_code)
    if found is None:
        raise ListNotFound()
    return found
