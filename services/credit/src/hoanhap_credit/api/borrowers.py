"""The bank's borrowers and businesses: registered first (a person's citizen ID looked up in the registry once),
then named by id in their loans' applications."""

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap_credit.adapters.loan_queries import loan_ids_of
from hoanhap_credit.adapters.loan_views import loan_summary
from hoanhap_credit.api.credit_state import Answer, answered_once, borrowers_of, lending_of
from hoanhap_credit.api.requests import BorrowerRequest, BusinessRequest
from hoanhap_credit.application.borrower_identity import BorrowerIdentity
from hoanhap_credit.application.borrower_writes import Place
from hoanhap_credit.domain.borrower_events import BorrowerRegistered, borrower_stream
from hoanhap_credit.domain.borrowers import BusinessOnRecord

router = APIRouter(tags=["borrowers"])
ANSWERS: dict[int | str, dict[str, object]] = {
    403: {"description": "outside your jurisdiction"}, 404: {"description": "no such borrower"}}
BORROWER_EXAMPLE = {"citizen_id": "001090001234", "birth_date": "1990-02-03", "full_name": "Nguyễn Văn Bình",
                    "address": "Tổ 5, phường Ba Đình", "household_representative": "Nguyễn Thị Hoa",
                    "province_code": "01", "commune_code": "00004"}


@router.post("/v1/borrowers", status_code=201, responses={
    200: {"description": "already a borrower: the same borrower, the identity kept as recorded (updated false)"},
    201: {"description": "registered"}, 403: {"description": "the person's registered residence is outside your "
                                                              "jurisdiction"}},
    openapi_extra={"requestBody": {"content": {"application/json": {"example": BORROWER_EXAMPLE}}}})
async def register_borrower(body: BorrowerRequest, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """Register a person the bank lends to, their identity sealed with a key of their own; the registry's person
    is found by the citizen ID and birth date (person_id null: the registry has no release of them), and the
    borrower is registered where the registry says they live. A citizen ID already registered answers 200 with the
    same borrower, the identity not changed (updated false); the birth date must be the one on record."""
    identity = BorrowerIdentity(body.citizen_id, body.birth_date, body.full_name, body.address,
                                body.household_representative)

    async def work(connection: Connection) -> Answer:
        borrower, created = await borrowers_of(request).register(
            connection, identity, Place(body.province_code, body.commune_code), principal, vietnam_today())
        answer = {"borrower_id": str(borrower.borrower_id), "person_id": None if borrower.person_id is None else
                  str(borrower.person_id)}
        return Answer(201, answer) if created else Answer(200, {**answer, "updated": False})

    return await answered_once(request, principal, work)


@router.post("/v1/businesses", status_code=201, responses={
    200: {"description": "this registration number is already a business: the same business, kept as recorded"},
    201: {"description": "registered"},
    409: {"description": "this registration number is a business of a commune outside your jurisdiction"}})
async def register_business(body: BusinessRequest, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """Register a business that employs eligible people (kept in credit only, never published), once per
    registration number (letters and digits, whatever the case): registered again, it answers 200 with the same
    business and updated false."""
    business = BusinessOnRecord(uuid.uuid4(), body.kind, body.name, body.registration, body.province_code,
                                body.commune_code)

    async def work(connection: Connection) -> Answer:
        registered, created = await borrowers_of(request).register_business(connection, business, principal,
                                                                             vietnam_today())
        answer = {"business_id": str(registered.business_id)}
        return Answer(201, answer) if created else Answer(200, {**answer, "updated": False})

    return await answered_once(request, principal, work)


@router.get("/v1/borrowers/{borrower_id}", responses=ANSWERS)
async def read_borrower(borrower_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> dict[str, Any]:
    """The borrower's identity, unsealed for bank staff of their commune (null once their key is destroyed), and
    their loans."""
    borrowers = borrowers_of(request)
    async with borrowers.pool.acquire() as connection:
        borrower = await borrowers.borrower_for(connection, borrower_id, principal)
        registered, *_ = await borrowers.streams.read_stream(connection, borrower_stream(borrower_id))
        key = await borrowers.keys.fetch(connection, borrower_id)
        loans = await loans_of(request, connection, borrower_id)
    sealed = BorrowerRegistered.model_validate(registered.payload).sealed_identity
    identity = None if key is None else BorrowerIdentity.unsealed(sealed, key, borrower_id)
    return {"borrower_id": str(borrower_id), "person_id": None if borrower.person_id is None else
            str(borrower.person_id), "province_code": borrower.province_code, "commune_code": borrower.commune_code,
            "identity": None if identity is None else {**identity.__dict__, "birth_date":
                                                       identity.birth_date.isoformat()}, "loans": loans}


@router.get("/v1/borrowers/{borrower_id}/loans", responses=ANSWERS)
async def list_borrower_loans(borrower_id: uuid.UUID, request: Request,
                              principal: CurrentPrincipal) -> list[dict[str, Any]]:
    """The borrower's loans, oldest application first."""
    borrowers = borrowers_of(request)
    async with borrowers.pool.acquire() as connection:
        await borrowers.borrower_for(connection, borrower_id, principal)
        return await loans_of(request, connection, borrower_id)


async def loans_of(request: Request, connection: Connection, holder_id: uuid.UUID) -> list[dict[str, Any]]:
    """The summaries of a borrower's loans."""
    loan_ids = await loan_ids_of(connection, holder_id)
    records = await lending_of(request).current(connection, loan_ids)
    return [loan_summary(records[loan_id]) for loan_id in loan_ids if loan_id in records]
