"""GET /v1/loans/{loan_id}/schedule (every instalment, as JSON) and /schedule.html (the same, printable, in
Vietnamese)."""

import uuid
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic_core import to_jsonable_python

from hoanhap.auth import CurrentPrincipal
from hoanhap.vietnam_time import vietnam_today
from hoanhap_credit.adapters.schedule_page import schedule_page
from hoanhap_credit.adapters.schedule_views import instalments
from hoanhap_credit.api.credit_state import lending_of

router = APIRouter(prefix="/v1/loans/{loan_id}", tags=["loans"])
ANSWERS: dict[int | str, dict[str, object]] = {
    403: {"description": "outside your jurisdiction"}, 404: {"description": "no such loan"}}


@router.get("/schedule", responses=ANSWERS)
async def read_schedule(loan_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> dict[str, Any]:
    """Every instalment: due day, principal, interest, principal outstanding after it, and its status today
    (paid, due, overdue); none before the first disbursement."""
    lending = lending_of(request)
    async with lending.pool.acquire() as connection:
        record = await lending.record_for(connection, loan_id, principal)
    lines = instalments(record, vietnam_today())
    return {"loan_id": str(loan_id), "status": record.loan.status.value,
            "instalments": [to_jsonable_python(asdict(line)) for line in lines]}


@router.get("/schedule.html", response_class=HTMLResponse, responses=ANSWERS)
async def print_schedule(loan_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> HTMLResponse:
    """The schedule as a printable page in Vietnamese; it names no one (the branch adds the name on paper)."""
    lending = lending_of(request)
    async with lending.pool.acquire() as connection:
        record = await lending.record_for(connection, loan_id, principal)
    today = vietnam_today()
    return HTMLResponse(schedule_page(record, instalments(record, today), today))
