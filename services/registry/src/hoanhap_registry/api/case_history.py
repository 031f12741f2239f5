"""GET /v1/people/{person_id}/history: every event in order, who did it and when, the state as of a time,
and whether the hash chain verifies. Each read is itself recorded."""

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request

from hoanhap.auth import CurrentPrincipal
from hoanhap.contracts.values import Instant
from hoanhap.eventstore import BadEvent, StoredEvent
from hoanhap.vietnam_time import VIETNAM
from hoanhap_registry.api.writing import registry_of
from hoanhap_registry.application import PersonNotFound
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.state import replay
from hoanhap_registry.jurisdiction import ensure_case_access
from hoanhap_registry.views import case_view

router = APIRouter(prefix="/v1/people", tags=["history"])
NOT_SHOWN = {"sealed_identity", "national_id_digest"}


@router.get("/{person_id}/history", responses={403: {}, 404: {}})
async def read_history(person_id: uuid.UUID, request: Request, principal: CurrentPrincipal,
                       as_of: Instant | None = None) -> dict[str, Any]:
    """The case history; with as_of (timezone-aware), only what was recorded by then and the state it gave."""
    registry = registry_of(request)
    async with registry.pool.acquire() as connection, connection.transaction():
        stored = await registry.store.bound_to(connection).read_stream(str(person_id))
        current = replay([fact_of(event) for event in stored])
        if current is None:
            raise PersonNotFound(str(person_id))
        ensure_case_access(principal, current)
        verification = await registry.store.bound_to(connection).verify_stream(str(person_id))
        shown = [event for event in stored if as_of is None or event.recorded_at <= as_of]
        key = await registry.keys.fetch(connection, person_id)
        await connection.execute("INSERT INTO history_reads (person_id, reader, agency, as_of) VALUES ($1, $2, $3, $4)",
                                 person_id, principal.sub, principal.agency.value, as_of)
    state = replay([fact_of(event) for event in shown])
    return {
        "person_id": str(person_id), "as_of": as_of.isoformat() if as_of else None,
        "events": [event_view(event) for event in shown],
        "state": None if state is None else case_view(person_id, state, len(shown), key, registry.calendar,
                                                      (as_of or datetime.now(VIETNAM)).astimezone(VIETNAM).date()),
        "verification": {"ok": verification.ok, "events_checked": verification.events_checked,
                         "first_bad_event": bad_event_view(verification.first_bad_event)},
    }


def fact_of(event: StoredEvent) -> ev.RegistryFact:
    """The internal event a stored one holds."""
    return ev.FACTS[event.type].model_validate(event.payload)


def event_view(event: StoredEvent) -> dict[str, Any]:
    """Who did what, when (UTC and Vietnam time), without the sealed identity or the digest."""
    return {"version": event.stream_version, "position": event.position, "type": event.type,
            "recorded_at": event.recorded_at.isoformat(),
            "recorded_at_local": event.recorded_at.astimezone(VIETNAM).isoformat(),
            "actor": event.metadata.actor, "agency": event.metadata.agency,
            "correlation_id": event.metadata.correlation_id,
            "data": {name: value for name, value in event.payload.items() if name not in NOT_SHOWN}}




def bad_event_view(bad: BadEvent | None) -> dict[str, Any] | None:
    """The first event that fails verification, and why."""
    if bad is None:
        return None
    return {"version": bad.stream_version, "position": bad.position, "defect": str(bad.defect),
            "explanation": bad.explanation}
