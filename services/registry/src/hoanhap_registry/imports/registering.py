"""Registering parsed rows in chunks: one transaction per chunk, row by row when a chunk fails."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import HTTPException
from pydantic import ValidationError

from hoanhap.auth import Principal
from hoanhap.eventstore.connections import Connection
from hoanhap_registry.api.releases import registration_of
from hoanhap_registry.api.requests import ReleaseRequest
from hoanhap_registry.application import Registry
from hoanhap_registry.bulk_import import ImportRow
from hoanhap_registry.domain.errors import DomainError


@dataclass(frozen=True)
class RowOutcome:
    """What became of one row."""

    row_number: int
    outcome: str
    person_id: uuid.UUID | None = None
    reasons: tuple[str, ...] = ()


class RowRefused(Exception):
    """A row the registry refuses, with the reason in words."""


async def register_chunk(registry: Registry, rows: Sequence[ImportRow], principal: Principal) -> list[RowOutcome]:
    """Register the rows in one transaction; on any failure, one transaction per row."""
    try:
        async with registry.pool.acquire() as connection, connection.transaction():
            return [await register_row(registry, connection, row, principal) for row in rows]
    except Exception:  # noqa: BLE001 - isolate the row that failed, keep the others
        return [await register_alone(registry, row, principal) for row in rows]


async def register_alone(registry: Registry, row: ImportRow, principal: Principal) -> RowOutcome:
    """One row in its own transaction; a refusal becomes a rejected row with its reason."""
    try:
        async with registry.pool.acquire() as connection, connection.transaction():
            return await register_row(registry, connection, row, principal)
    except RowRefused as refusal:
        return RowOutcome(row.row_number, "rejected", reasons=(str(refusal),))


async def register_row(registry: Registry, connection: Connection, row: ImportRow,
                       principal: Principal) -> RowOutcome:
    """Register one row as POST /v1/releases would (same validation, same one-registration-per-release rule)."""
    request = release_request(row)
    existing = await registry.find_registration(connection, request.citizen_id, request.release_date)
    if existing is not None:
        return RowOutcome(row.row_number, "already_registered", existing)
    person_id = uuid.uuid4()
    try:
        await registry.register(connection, person_id, registration_of(request), principal)
    except HTTPException as refusal:
        raise RowRefused(str(refusal.detail)) from refusal
    except DomainError as refusal:
        raise RowRefused(str(refusal)) from refusal
    return RowOutcome(row.row_number, "registered", person_id)


def release_request(row: ImportRow) -> ReleaseRequest:
    """The row as the body POST /v1/releases takes."""
    try:
        return ReleaseRequest.model_validate(row.release.model_dump())
    except ValidationError as error:
        raise RowRefused("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())) from error
