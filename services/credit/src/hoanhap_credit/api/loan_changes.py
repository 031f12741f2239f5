"""POST /v1/loans/{loan_id}/…: what supervisors decide (approval, rejection, extension, write-off) and officers
record (withdrawal, disbursement, repayment) on a loan; If-Match names the version it applies to."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic_core import to_jsonable_python

from hoanhap.auth import CurrentPrincipal, Principal
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.versions import expected_version
from hoanhap_credit.adapters.repayment_views import repayment_answer
from hoanhap_credit.api import change_requests as body_of
from hoanhap_credit.api.credit_state import Answer, answered_once, lending_of
from hoanhap_credit.application import loan_input as asked_as
from hoanhap_credit.application.loan_input import LoanChange
from hoanhap_credit.domain.loan_record import stream_of

router = APIRouter(prefix="/v1/loans/{loan_id}", tags=["loans"])
ANSWERS: dict[int | str, dict[str, object]] = {
    403: {"description": "outside your jurisdiction, or (approval, write-off) you recorded the application"},
    404: {"description": "no such loan"},
    409: {"description": "the loan's status does not allow it, someone changed it first (current_version), or "
                         "(repayment) the payment_id is recorded on another loan"}}


@router.post("/approval", responses=ANSWERS)
async def approve(loan_id: uuid.UUID, body: body_of.ApprovalRequest, request: Request,
                  principal: CurrentPrincipal) -> JSONResponse:
    """Approve (a supervisor): no more than asked, within Decision 22's limits; the rate in force is quoted."""
    asked = asked_as.ApprovalInput(body.approved_on or vietnam_today(), body.amount, body.term_months, body.plan,
                                   body.secured)
    return await changed(request, loan_id, asked, principal)


@router.post("/rejection", responses=ANSWERS)
async def reject(loan_id: uuid.UUID, body: body_of.RejectionRequest, request: Request,
                 principal: CurrentPrincipal) -> JSONResponse:
    """Reject an application that passed the rules (a supervisor), with the reason (kept sealed)."""
    asked = asked_as.RejectionInput(body.rejected_on or vietnam_today(), body.reason)
    return await changed(request, loan_id, asked, principal)


@router.post("/withdrawal", responses=ANSWERS)
async def withdraw(loan_id: uuid.UUID, body: body_of.WithdrawalRequest, request: Request,
                   principal: CurrentPrincipal) -> JSONResponse:
    """The applicant gives up before any money is paid out."""
    return await changed(request, loan_id, asked_as.WithdrawalInput(body.withdrawn_on or vietnam_today()), principal)


@router.post("/disbursements", responses=ANSWERS)
async def disburse(loan_id: uuid.UUID, body: body_of.DisbursementRequest, request: Request,
                   principal: CurrentPrincipal) -> JSONResponse:
    """Pay out a tranche; the first fixes the loan's rate (the one in force that day)."""
    return await changed(request, loan_id, asked_as.DisbursementInput(body.disbursed_on, body.amount), principal)


@router.post("/repayments", responses=ANSWERS)
async def repay(loan_id: uuid.UUID, body: body_of.RepaymentRequest, request: Request,
                principal: CurrentPrincipal) -> JSONResponse:
    """Post a payment, allocated overdue interest → interest due → overdue principal → principal due → in
    advance. The same payment_id again (two tellers, a retry) is applied once and answers the first's result."""
    asked = asked_as.RepaymentInput(str(body.payment_id), body.paid_on, body.amount)
    return await changed(request, loan_id, asked, principal)


@router.post("/extensions", responses=ANSWERS)
async def extend(loan_id: uuid.UUID, body: body_of.ExtensionRequest, request: Request,
                 principal: CurrentPrincipal) -> JSONResponse:
    """Move a principal instalment's due day later (gia hạn, a supervisor), with the reason (kept sealed)."""
    asked = asked_as.ExtensionInput(body.instalment, body.due_on, body.reason, vietnam_today())
    return await changed(request, loan_id, asked, principal)


@router.post("/write-off", responses=ANSWERS)
async def write_off(loan_id: uuid.UUID, body: body_of.WriteOffRequest, request: Request,
                    principal: CurrentPrincipal) -> JSONResponse:
    """Write off what is owed (a supervisor), with the reason (kept sealed): the loan is closed."""
    asked = asked_as.WriteOffInput(body.written_off_on or vietnam_today(), body.reason)
    return await changed(request, loan_id, asked, principal)


async def changed(request: Request, loan_id: uuid.UUID, asked: LoanChange, principal: Principal) -> JSONResponse:
    """Decide and record it once, on the version If-Match names (if any); the answer's ETag is the new version."""
    expected = expected_version(request)

    async def work(connection: Connection) -> Answer:
        lending = lending_of(request)
        record, _ = await lending.change(connection, loan_id, asked, principal, expected)
        body: dict[str, Any] = {"loan_id": str(loan_id), "status": record.loan.status.value,
                                "version": record.version}
        if isinstance(asked, asked_as.RepaymentInput):
            stored = await lending.streams.read_stream(connection, stream_of(loan_id))
            body["repayment"] = to_jsonable_python(repayment_answer(stored, asked.payment_id))
        return Answer(200, body, record.version)

    return await answered_once(request, principal, work)
