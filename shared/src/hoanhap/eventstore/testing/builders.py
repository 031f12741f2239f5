"""Small factories for events and streams in tests."""

from typing import Any
from uuid import UUID, uuid4

from hoanhap.eventstore.events import EventMetadata, NewEvent


def sample_metadata(**changes: Any) -> EventMetadata:
    """Plausible metadata: a commune police officer acting on a request."""
    fields = {"correlation_id": str(uuid4()), "causation_id": None, "actor": "officer-0042",
              "agency": "commune-police-00004"}
    return EventMetadata(**(fields | changes))


def sample_event(note: str = "thăm hộ gia đình", event_type: str = "VisitLogged", event_id: UUID | None = None,
                 **payload: Any) -> NewEvent:
    """An event whose payload holds a text note (what the tamper tests change) and any other fields."""
    return NewEvent(type=event_type, payload={"note": note, **payload}, metadata=sample_metadata(),
                    event_id=event_id or uuid4())


def sample_events(count: int, prefix: str = "visit") -> list[NewEvent]:
    """count events whose notes differ from each other and from any other call's."""
    batch = uuid4().hex[:8]
    return [sample_event(note=f"{prefix} {batch}-{number}") for number in range(1, count + 1)]


def new_stream_id(kind: str = "person") -> str:
    """A stream id no other test uses."""
    return f"{kind}-{uuid4()}"
