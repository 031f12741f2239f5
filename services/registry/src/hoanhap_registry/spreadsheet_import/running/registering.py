"""Registering parsed rows in chunks: one transaction per chunk, row by row when a chunk fails."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import WritePathError
from hoanhap_registry.adapters.transfers import REQUESTED, Holding, holdings, request_transfer
from hoanhap_registry.application.registration import Registration, registration_of
from hoanhap_registry.application.registry import Registry
from hoanhap_registry.domain.errors import DomainError
from hoanhap_registry.spreadsheet_import.parsing import ImportRow


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
            return await register_rows(registry, connection, rows, principal)
    except Exception:  # noqa: BLE001 - isolate the row that failed, keep the others
        return [await register_alone(registry, row, principal) for row in rows]


async def register_alone(registry: Registry, row: ImportRow, principal: Principal) -> RowOutcome:
    """One row in its own transaction; a refusal becomes a rejected row with its reason."""
    try:
        async with registry.pool.acquire() as connection, connection.transaction():
            [outcome] = await register_rows(registry, connection, [row], principal)
            return outcome
    except RowRefused as refusal:
        return RowOutcome(row.row_number, "rejected", reasons=(str(refusal),))


async def register_rows(registry: Registry, connection: Connection, rows: Sequence[ImportRow],
                        principal: Principal) -> list[RowOutcome]:
    """Register each row as POST /v1/releases would (the parser validated it as the same ReleaseFields; one
    registration per release; one held elsewhere becomes a transfer request); the registrations already made are
    looked up for all rows at once."""
    known = await registry.find_registrations(connection, [(row.release.citizen_id, row.release.release_date)
                                                           for row in rows])
    held = await holdings(connection, list(known.values()))
    outcomes, new = [], []
    for row in rows:
        release = (registry.digest(row.release.citizen_id), row.release.release_date)
        if release in known:
            outcomes.append(await existing_outcome(connection, row, held.get(known[release]), known[release],
                                                   principal))
            continue
        known[release] = uuid.uuid4()
        new.append((known[release], registration_of(row.release, None)))
        outcomes.append(RowOutcome(row.row_number, "registered", known[release]))
    await register_new(registry, connection, new, principal)
    return outcomes


async def existing_outcome(connection: Connection, row: ImportRow, holding: Holding | None,
                           person_id: uuid.UUID, principal: Principal) -> RowOutcome:
    """Already registered (a case the caller sees, or an earlier row of this chunk), else a transfer request."""
    if holding is None or holding.visible_to(principal):
        return RowOutcome(row.row_number, "already_registered", person_id)
    await request_transfer(connection, person_id, row.release.province_code, row.release.commune_code, principal)
    return RowOutcome(row.row_number, "transfer_requested", reasons=(REQUESTED,))


async def register_new(registry: Registry, connection: Connection, new: list[tuple[uuid.UUID, Registration]],
                       principal: Principal) -> None:
    """Open the cases; a refusal becomes RowRefused with its reason."""
    try:
        await registry.register_many(connection, new, principal)
    except (WritePathError, DomainError) as refusal:  # outside the caller's jurisdiction, or a case rule
        raise RowRefused(str(refusal)) from refusal
