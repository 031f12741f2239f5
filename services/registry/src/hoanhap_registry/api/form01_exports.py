"""GET /v1/communes/{commune_code}/borrower-lists/{list_id}.csv|.xlsx|.html: a borrower list (Form 01) to
download or print, for the commune police to sign and the commune People's Committee to certify."""

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from hoanhap.auth import CurrentPrincipal, ensure_jurisdiction
from hoanhap_registry.api.borrower_lists import ANSWERS, list_answer
from hoanhap_registry.api.form01_page import form01_page
from hoanhap_registry.api.form01_sheets import as_csv, as_xlsx
from hoanhap_registry.api.registry_state import registry_of
from hoanhap_registry.api.requests import CommuneCode

router = APIRouter(prefix="/v1/communes/{commune_code}/borrower-lists", tags=["borrower lists"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def listing_of(request: Request, commune_code: str, list_id: uuid.UUID,
                     principal: CurrentPrincipal) -> dict:
    """The list as its JSON read answers it."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    async with registry_of(request).pool.acquire() as connection:
        return await list_answer(request, connection, commune_code, list_id, principal)


def attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f"attachment; filename=\"{name}\""}


@router.get("/{list_id:uuid}.csv", response_class=Response, responses=ANSWERS)
async def list_csv(commune_code: CommuneCode, list_id: uuid.UUID, request: Request,
                   principal: CurrentPrincipal) -> Response:
    """The list as CSV (UTF-8), Vietnamese headers."""
    listing = await listing_of(request, commune_code, list_id, principal)
    return Response(as_csv(listing), media_type="text/csv; charset=utf-8",
                    headers=attachment(f"mau-01-{commune_code}-{listing['drawn_on']}.csv"))


@router.get("/{list_id:uuid}.xlsx", response_class=Response, responses=ANSWERS)
async def list_xlsx(commune_code: CommuneCode, list_id: uuid.UUID, request: Request,
                    principal: CurrentPrincipal) -> Response:
    """The list as an Excel workbook, Vietnamese headers."""
    listing = await listing_of(request, commune_code, list_id, principal)
    return Response(as_xlsx(listing), media_type=XLSX,
                    headers=attachment(f"mau-01-{commune_code}-{listing['drawn_on']}.xlsx"))


@router.get("/{list_id:uuid}.html", response_class=HTMLResponse, responses=ANSWERS)
async def list_page(commune_code: CommuneCode, list_id: uuid.UUID, request: Request,
                    principal: CurrentPrincipal) -> HTMLResponse:
    """The printable Form 01 page, with the blocks for the police's signature and the certification."""
    return HTMLResponse(form01_page(await listing_of(request, commune_code, list_id, principal)))
