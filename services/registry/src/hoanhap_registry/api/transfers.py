"""GET /v1/communes/{commune_code}/transfer-requests: registrations elsewhere of people whose case is held here."""

from typing import Any

from fastapi import APIRouter, Request

from hoanhap.auth import CurrentPrincipal, ensure_jurisdiction
from hoanhap_registry.adapters.transfers import open_requests
from hoanhap_registry.api.registry_state import registry_of
from hoanhap_registry.api.requests import CommuneCode

router = APIRouter(prefix="/v1", tags=["transfers"])


@router.get("/communes/{commune_code}/transfer-requests")
async def list_transfer_requests(commune_code: CommuneCode, request: Request,
                                 principal: CurrentPrincipal) -> list[dict[str, Any]]:
    """Communes that registered the release of a person whose case is held here: transfer the case with a
    residence change to the requested commune once the person has moved there."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    async with registry_of(request).pool.acquire() as connection:
        return await open_requests(connection, principal.jurisdiction.province, commune_code)
