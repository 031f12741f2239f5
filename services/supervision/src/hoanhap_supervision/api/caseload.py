"""The caseloads: a commune's open cases, and the open cases an officer is in charge of, the most urgent first."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from hoanhap.auth import CurrentPrincipal, ensure_jurisdiction
from hoanhap.contracts.values import INTEGER_COLUMN_MAX, CommuneCode, Day
from hoanhap.vietnam_time import vietnam_today
from hoanhap_supervision.adapters.caseload_queries import officers_cases, open_cases
from hoanhap_supervision.adapters.views import caseload_entry
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.application.caseload import by_urgency
from hoanhap_supervision.application.supervision import Supervision
from hoanhap_supervision.domain.state import SupervisionCase

router = APIRouter(prefix="/v1", tags=["caseload"])
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=INTEGER_COLUMN_MAX)]


@router.get("/communes/{commune_code}/caseload")
async def commune_caseload(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                           today: Day | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Who is due or overdue: each open case with its risk group, last and next-due contacts, days overdue and
    reassessment due, most overdue first, then soonest due (reckoned on `today`, default Vietnam's today)."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        cases = await open_cases(connection, principal.jurisdiction.province, commune_code)
    return page(supervision, cases, today or vietnam_today(), limit, offset)


@router.get("/officers/me/caseload")
async def my_caseload(request: Request, principal: CurrentPrincipal, today: Day | None = None, limit: Limit = 50,
                      offset: Offset = 0) -> dict[str, Any]:
    """The open cases you are in charge of, within your jurisdiction, the most urgent first, as a commune's."""
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        cases = await officers_cases(connection, principal.jurisdiction.province, principal.sub)
    mine = [case for case in cases if principal.can_access(case.province_code, case.commune_code)]
    return page(supervision, mine, today or vietnam_today(), limit, offset)


def page(supervision: Supervision, cases: list[SupervisionCase], today: date, limit: int,
         offset: int) -> dict[str, Any]:
    """A page of the cases by urgency, with how many there are."""
    ordered = by_urgency(cases, supervision.rules, today)
    return {"total": len(ordered), "limit": limit, "offset": offset, "today": today.isoformat(),
            "cases": [caseload_entry(case, supervision.rules, today) for case in ordered[offset:offset + limit]]}
