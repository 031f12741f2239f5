"""GET /v1/communes/{commune_code}/caseload: the commune's open cases, the most urgent first."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from hoanhap.auth import CurrentPrincipal, ensure_jurisdiction
from hoanhap.contracts.values import INTEGER_COLUMN_MAX, CommuneCode, Day
from hoanhap.vietnam_time import vietnam_today
from hoanhap_supervision.adapters.caseload_queries import open_cases
from hoanhap_supervision.adapters.views import caseload_entry
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.application.caseload import by_urgency

router = APIRouter(prefix="/v1/communes", tags=["caseload"])


@router.get("/{commune_code}/caseload")
async def commune_caseload(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                           today: Day | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                           offset: Annotated[int, Query(ge=0, le=INTEGER_COLUMN_MAX)] = 0) -> dict[str, Any]:
    """Who is due or overdue: each open case with its risk group, last and next-due contacts, days overdue and
    reassessment due, most overdue first, then soonest due (reckoned on `today`, default Vietnam's today)."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    supervision = supervision_of(request)
    day = today or vietnam_today()
    async with supervision.pool.acquire() as connection:
        cases = await open_cases(connection, principal.jurisdiction.province, commune_code)
    ordered = by_urgency(cases, supervision.rules, day)
    return {"total": len(ordered), "limit": limit, "offset": offset, "today": day.isoformat(),
            "cases": [caseload_entry(case, supervision.rules, day) for case in ordered[offset:offset + limit]]}
