"""Outreach reports: one activity of a commune (or province-wide), and the reports of a commune or of your own
jurisdiction held in a period."""

import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal, ensure_jurisdiction
from hoanhap.contracts.values import CommuneCode, Day
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap_supervision.adapters.community_tables import outreach_of
from hoanhap_supervision.adapters.community_views import outreach_view
from hoanhap_supervision.api.community_requests import OutreachReport
from hoanhap_supervision.api.community_state import community_of, written_once
from hoanhap_supervision.domain.outreach import ReportOutreach

router = APIRouter(prefix="/v1", tags=["outreach"])


def period_of(start: Annotated[Day, Query(alias="from", description="first day held (inclusive)")],
              end: Annotated[Day, Query(alias="to", description="last day held (inclusive)")]) -> tuple[date, date]:
    """The period asked for: `to` not before `from` (422 at `to`)."""
    if end < start:
        raise HTTPException(422, [{"loc": ["query", "to"], "type": "value_error",
                                   "msg": f"to {end} is before from {start}"}])
    return start, end


Period = Annotated[tuple[date, date], Depends(period_of)]


@router.post("/outreach", status_code=201, responses={403: {"description": "the place is outside your "
                                                                          "jurisdiction"}})
async def report_outreach(body: OutreachReport, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """Report one outreach activity with its quantity (and attendance, for a gathering); sent again with the same
    Idempotency-Key it is counted once."""
    outreach_id = uuid.uuid4()
    command = ReportOutreach(outreach_id, body.activity, body.quantity, body.attendance, body.province_code,
                             body.commune_code, body.held_on)

    async def report(connection: Connection) -> tuple[dict[str, Any], int]:
        await community_of(request).report_outreach(connection, command, principal, vietnam_today())
        return {"outreach_id": str(outreach_id)}, 1
    return await written_once(request, principal, 201, report)


@router.get("/outreach")
async def my_outreach(request: Request, principal: CurrentPrincipal, period: Period) -> dict[str, Any]:
    """The reports of your jurisdiction held from `from` to `to`: the province's all (province-wide ones too) for
    a province-wide caller, your communes' otherwise."""
    return await listed(request, principal.jurisdiction.province, principal.jurisdiction.communes or None, period)


@router.get("/communes/{commune_code}/outreach")
async def commune_outreach(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                           period: Period) -> dict[str, Any]:
    """The commune's reports held from `from` to `to`."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    return await listed(request, principal.jurisdiction.province, (commune_code,), period)


async def listed(request: Request, province_code: str, communes: tuple[str, ...] | None,
                 period: tuple[date, date]) -> dict[str, Any]:
    """The reports of the province (or of these communes) held in the period."""
    async with community_of(request).supervision.pool.acquire() as connection:
        rows = await outreach_of(connection, province_code, communes, period)
    return {"from": period[0].isoformat(), "to": period[1].isoformat(), "total": len(rows),
            "reports": [outreach_view(row) for row in rows]}
