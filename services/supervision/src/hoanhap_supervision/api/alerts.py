"""A commune's alerts: residence confirmations, contacts and reassessments overdue, and supervision periods ending
within 30 days, the most urgent first."""

from typing import Any

from fastapi import APIRouter, Request

from hoanhap.auth import CurrentPrincipal, ensure_jurisdiction
from hoanhap.contracts.values import CommuneCode, Day
from hoanhap.vietnam_time import vietnam_today
from hoanhap.working_days import WorkingCalendar
from hoanhap_supervision.adapters.alert_queries import unconfirmed_residences
from hoanhap_supervision.adapters.caseload_queries import open_cases
from hoanhap_supervision.api.caseload import Limit, Offset
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.application.alerts import commune_alerts
from hoanhap_supervision.domain.alerts import Alert

router = APIRouter(prefix="/v1", tags=["caseload"])


@router.get("/communes/{commune_code}/alerts")
async def commune_alerts_page(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                              today: Day | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """What to act on: each alert with the person, its kind, due day and days overdue or remaining, the earliest
    due first (reckoned on `today`, default Vietnam's today). A residence is overdue unconfirmed after 3 working
    days from the notification (Vietnam's public holidays and PUBLIC_HOLIDAYS skipped)."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    supervision = supervision_of(request)
    calendar: WorkingCalendar = request.app.state.working_calendar
    day = today or vietnam_today()
    async with supervision.pool.acquire() as connection:
        cases = await open_cases(connection, principal.jurisdiction.province, commune_code)
        unconfirmed = await unconfirmed_residences(connection, principal.jurisdiction.province, commune_code)
    alerts = commune_alerts(cases, unconfirmed, supervision.rules, calendar, day)
    return {"total": len(alerts), "limit": limit, "offset": offset, "today": day.isoformat(),
            "alerts": [alert_entry(found) for found in alerts[offset:offset + limit]]}


def alert_entry(alert: Alert) -> dict[str, Any]:
    """One alert as the endpoint shows it."""
    return {"person_id": str(alert.person_id), "kind": alert.kind.value, "due_on": alert.due_on.isoformat(),
            "days_overdue": alert.days_overdue, "days_remaining": alert.days_remaining,
            "contact_kind": None if alert.contact_kind is None else alert.contact_kind.value}
