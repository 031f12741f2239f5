"""What one write of a case appends: its events with who did it, and its new state alongside them."""

import uuid

from hoanhap.auth import Principal
from hoanhap.eventstore import Alongside, EventMetadata, NewEvent, StreamAppend
from hoanhap.observability import current_correlation_id, new_correlation_id
from hoanhap.working_days import WorkingCalendar
from hoanhap_registry.application.storage import StateProjection
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.state import PersonCase


def case_append(projection: StateProjection, calendar: WorkingCalendar, person_id: uuid.UUID, case: PersonCase,
                version: int, events: list[ev.RegistryFact], principal: Principal, *alongside: Alongside,
                lookup_digest: str | None = None) -> StreamAppend:
    """The case's events after version, with its new state (and any other write) alongside them; a new case
    also gets the lookup digest of its citizen ID, which no event holds."""
    state = projection(person_id, case, version + len(events), calendar, lookup_digest)
    return facts_append(str(person_id), version, events, principal, state, *alongside)


def facts_append(stream_id: str, version: int, events: list[ev.RegistryFact], principal: Principal,
                 *alongside: Alongside) -> StreamAppend:
    """A stream's events after version, with who did it, and the writes alongside them."""
    metadata = request_metadata(principal)
    new_events = [NewEvent(type=event.type_name(), payload=event.model_dump(mode="json"), metadata=metadata,
                           schema_version=event.schema_version) for event in events]
    return StreamAppend(stream_id, version, new_events, alongside=list(alongside))


def request_metadata(principal: Principal) -> EventMetadata:
    """Who did it, on behalf of which agency, in answer to which request."""
    correlation_id = current_correlation_id() or new_correlation_id()
    return EventMetadata(correlation_id=correlation_id, actor=principal.sub, agency=principal.agency.value)
