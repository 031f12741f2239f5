"""What credit's routers take from the app its lifespan built (the use cases), and the one way a write answers:
once, however often it is retried with its Idempotency-Key (the key's answer and the effect commit together)."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.idempotency import fingerprint_key_of, idempotency_key
from hoanhap.write_path.versions import etag
from hoanhap_credit.application.borrowers import Borrowers
from hoanhap_credit.application.lending import Lending
from hoanhap_credit.application.loan_applications import LoanApplications

FINGERPRINT_PURPOSE = b"hoanhap.credit.idempotency-fingerprint"


@dataclass(frozen=True)
class Answer:
    """A write's answer: status, body and the record's new version, if it has one (the ETag)."""

    status: int
    body: dict[str, Any]
    version: int | None = None

    def response(self) -> JSONResponse:
        """The HTTP answer (with the ETag of the version)."""
        headers = {} if self.version is None else {"ETag": etag(self.version)}
        return JSONResponse(self.body, self.status, headers=headers)


def lending_of(request: Request) -> Lending:
    """The loan use cases."""
    lending: Lending = request.app.state.lending
    return lending


def applications_of(request: Request) -> LoanApplications:
    """The application use case."""
    applications: LoanApplications = request.app.state.applications
    return applications


def borrowers_of(request: Request) -> Borrowers:
    """The borrower use cases."""
    borrowers: Borrowers = request.app.state.borrowers
    return borrowers


async def answered_once(request: Request, principal: Principal,
                        work: Callable[[Connection], Awaitable[Answer]]) -> JSONResponse:
    """Do the work and answer; with an Idempotency-Key, a retry gets the first answer (its request, names and
    citizen IDs included, fingerprinted under a key derived from credit's master key)."""
    lending = lending_of(request)
    fingerprint_key = fingerprint_key_of(lending.keys.master_key, FINGERPRINT_PURPOSE)
    key = await idempotency_key(request, principal, fingerprint_key)
    async with lending.pool.acquire() as connection:
        if key is None:
            return (await work(connection)).response()
        async with connection.transaction():
            if earlier := await key.earlier_answer(connection):
                return earlier
            answer = await work(connection)
            await key.remember(connection, answer.status, answer.body)
    return answer.response()
