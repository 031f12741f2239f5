"""What one write of a case appends: its events with who did it, and its new state alongside them."""

from hoanhap.eventstore import Alongside, EventMetadata, NewEvent, StreamAppend
from hoanhap_supervision.application.storage import StateProjection
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.case_identity import case_id_of, stream_of
from hoanhap_supervision.domain.state import SupervisionCase


def case_append(projection: StateProjection, case: SupervisionCase, version: int,
                events: list[ev.SupervisionFact], metadata: EventMetadata, *alongside: Alongside) -> StreamAppend:
    """The case's events after version, with its new state (and any other write) alongside them."""
    new_events = [NewEvent(type=event.type_name(), payload=event.model_dump(mode="json"), metadata=metadata,
                           schema_version=event.schema_version) for event in events]
    state = projection(case_id_of(case.person_id), case, version + len(events))
    return StreamAppend(stream_of(case.person_id), version, new_events, alongside=[state, *alongside])
