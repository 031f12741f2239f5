"""POST /v1/loans (an officer applies for a person or a business) and GET /v1/loans/{loan_id} (bank staff)."""

import uuid
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic_core import to_jsonable_python

from hoanhap.auth import CurrentPrincipal
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.versions import etag
from hoanhap_credit.adapters.loan_views import loan_view
from hoanhap_credit.api.credit_state import Answer, answered_once, applications_of, lending_of
from hoanhap_credit.api.requests import LoanRequestBody
from hoanhap_credit.application.application_input import LoanAsked, Workforce
from hoanhap_credit.application.loan_writes import facts_of
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_record import LoanRecord, stream_of

router = APIRouter(prefix="/v1/loans", tags=["loans"])
ANSWERS: dict[int | str, dict[str, object]] = {
    403: {"description": "outside your jurisdiction"}, 404: {"description": "no such loan, borrower or business"}}
APPLIED_EXAMPLE = {"borrower_id": "6f1c0a3e-8d0b-4b8e-9d51-2f0c6f1f4a11", "purpose": "production_business",
                   "amount": 50_000_000, "term_months": 36, "other_programme_debt_same_purpose": 0,
                   "agent_organisation": "womens_union", "savings_group": "Tổ TK&VV thôn 3",
                   "applied_on": "2026-03-02"}


@router.post("", status_code=201, responses={**ANSWERS, 201: {"description": "recorded: applied, or rejected "
                                                                             "naming every failed rule"}},
             openapi_extra={"requestBody": {"content": {"application/json": {"example": APPLIED_EXAMPLE}}}})
async def apply_for_loan(body: LoanRequestBody, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """Apply for a loan: recorded, and when it fails Decision 22's rules rejected at once, answering 201 with
    every failure (code, field, and the reason in English and Vietnamese). The debt of the same purpose is the
    other programmes' VND given plus this service's own loans' outstanding principal."""
    asked = loan_asked(body)

    async def work(connection: Connection) -> Answer:
        record, events = await applications_of(request).apply(connection, asked, principal)
        return Answer(201, applied_answer(record, events), record.version)

    return await answered_once(request, principal, work)


@router.get("/{loan_id}", responses=ANSWERS)
async def read_loan(loan_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """The loan: status, application facts, approval, tranches, what is owed today (Vietnam's), and the failed
    rules or the supervisor's reason if rejected; ETag = its version."""
    lending = lending_of(request)
    async with lending.pool.acquire() as connection:
        record = await lending.record_for(connection, loan_id, principal)
        facts = facts_of(await lending.streams.read_stream(connection, stream_of(loan_id)))
        key = await lending.keys.fetch(connection, record.party.holder_id)
    return JSONResponse(loan_view(record, facts, key, vietnam_today()), headers={"ETag": etag(record.version)})


def loan_asked(body: LoanRequestBody) -> LoanAsked:
    """The application as the use case takes it."""
    workforce = None if body.workforce is None else Workforce(body.workforce.total_workers,
                                                              body.workforce.eligible_workers_on_contract)
    return LoanAsked(body.borrower_id, body.business_id, body.purpose, body.amount, body.term_months,
                     body.course_months, body.security_offered, body.other_programme_debt_same_purpose,
                     body.applied_on or vietnam_today(), body.agent_organisation, body.savings_group, workforce,
                     body.plan_confirmed_on)


def applied_answer(record: LoanRecord, events: list[ev.LoanFact]) -> dict[str, Any]:
    """The new loan's id, status and version, with every failed rule when rejected at once."""
    failures = [asdict(failure) for event in events if isinstance(event, ev.LoanRejected)
                for failure in event.failures]
    return to_jsonable_python({"loan_id": record.loan_id, "status": record.loan.status, "version": record.version,
                               "failures": failures})
