"""GET <record>/history, the case-history endpoint every write service mounts: every event in order, who did it
and when, the state as of a time, and whether the hash chain verifies; each read is itself recorded.

The service says how its records are named, where one is held, what its state looks like and how a read is
recorded (`CaseHistory`); the endpoint does the rest the same way everywhere (`history_router`).
"""

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Protocol

import asyncpg
from fastapi import APIRouter, Path, Request

from hoanhap.auth import CurrentPrincipal, Principal
from hoanhap.contracts.values import Instant
from hoanhap.eventstore import BadEvent, EventStore, StoredEvent
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import VIETNAM
from hoanhap.write_path.errors import NotFound
from hoanhap.write_path.jurisdiction import ensure_place_access

NOT_SHOWN = frozenset({"sealed_identity", "national_id_digest"})  # by default never in the data the history shows


class CaseHistory(Protocol):
    """What a service tells the history endpoint about its records."""

    pool: asyncpg.Pool
    store: EventStore

    def stream_of(self, record_id: uuid.UUID) -> str:
        """The record's stream in the service's event store."""

    def place_of(self, events: list[StoredEvent]) -> tuple[str, str] | None:
        """(province, commune) where the record these events make is held now; None if they make none."""

    async def state_view(self, connection: Connection, record_id: uuid.UUID, events: list[StoredEvent],
                         as_of: datetime | None) -> dict[str, Any] | None:
        """The record's state after these events, as its readers see it."""

    async def record_read(self, connection: Connection, record_id: uuid.UUID, principal: Principal,
                          as_of: datetime | None) -> None:
        """Write down who read the record's history, and as of when."""


def case_history_of(request: Request) -> CaseHistory:
    """The case history the service's lifespan put in `app.state.case_history` (what `history_router` reads with,
    unless it is given another way)."""
    history: CaseHistory = request.app.state.case_history
    return history


def history_router(prefix: str, history_of: Callable[[Request], CaseHistory], *, tag: str = "history",
                   not_found: str = "not found", forbidden: str | None = None,
                   id_name: str = "record_id", not_shown: frozenset[str] = NOT_SHOWN) -> APIRouter:
    """A router answering GET {prefix}/{<id_name>}/history (the path, the access policy's key and the answer
    name the record's id id_name, e.g. person_id); the payload fields named in not_shown are left out."""
    router = APIRouter(prefix=prefix, tags=[tag])
    RecordId = Annotated[uuid.UUID, Path(alias=id_name)]

    @router.get(f"/{{{id_name}}}/history", responses={403: {}, 404: {}})
    async def read_history(record_id: RecordId, request: Request, principal: CurrentPrincipal,
                           as_of: Instant | None = None) -> dict[str, Any]:
        """The history; with as_of (timezone-aware), only what was recorded by then and the state it gave."""
        history = history_of(request)
        stream = history.stream_of(record_id)
        async with history.pool.acquire() as connection, connection.transaction():
            stored = await history.store.bound_to(connection).read_stream(stream)
            place = history.place_of(stored)
            if place is None:
                raise NotFound(not_found)
            ensure_place_access(principal, *place, not_found=not_found, forbidden=forbidden)
            verification = await history.store.bound_to(connection).verify_stream(stream)
            shown = [event for event in stored if as_of is None or event.recorded_at <= as_of]
            state = await history.state_view(connection, record_id, shown, as_of)
            await history.record_read(connection, record_id, principal, as_of)
        return {id_name: str(record_id), "as_of": as_of.isoformat() if as_of else None,
                "events": [event_view(event, not_shown) for event in shown], "state": state,
                "verification": {"ok": verification.ok, "events_checked": verification.events_checked,
                                 "first_bad_event": bad_event_view(verification.first_bad_event)}}

    return router


def event_view(event: StoredEvent, not_shown: frozenset[str] = NOT_SHOWN) -> dict[str, Any]:
    """Who did what, when (UTC and Vietnam time), without the fields not shown (sealed identities, digests)."""
    return {"version": event.stream_version, "position": event.position, "type": event.type,
            "recorded_at": event.recorded_at.isoformat(),
            "recorded_at_local": event.recorded_at.astimezone(VIETNAM).isoformat(),
            "actor": event.metadata.actor, "agency": event.metadata.agency,
            "correlation_id": event.metadata.correlation_id,
            "data": {name: value for name, value in event.payload.items() if name not in not_shown}}


def bad_event_view(bad: BadEvent | None) -> dict[str, Any] | None:
    """The first event that fails verification, and why."""
    if bad is None:
        return None
    return {"version": bad.stream_version, "position": bad.position, "defect": str(bad.defect),
            "explanation": bad.explanation}
