"""What callers append is checked when it is built, with messages that say what is wrong."""

import pytest
from pydantic import ValidationError

from hoanhap.eventstore import EventMetadata, InvalidEvent, NewEvent
from hoanhap.eventstore.testing import sample_metadata


def test_an_event_id_is_generated_when_not_given() -> None:
    first = NewEvent("VisitLogged", {"note": "a"}, sample_metadata())
    second = NewEvent("VisitLogged", {"note": "a"}, sample_metadata())
    assert first.event_id != second.event_id
    assert first.schema_version == 1


@pytest.mark.parametrize(("arguments", "complaint"), [
    ({"type": ""}, "event type '' is not a non-empty name"),
    ({"schema_version": 0}, "schema version 0 of VisitLogged"),
    ({"payload": ["not", "an", "object"]}, "payload of VisitLogged is a list"),
    ({"metadata": {"actor": "x"}}, "metadata of VisitLogged is a dict"),
    ({"event_id": "123"}, "event id '123'"),
])
def test_malformed_events_are_refused(arguments: dict, complaint: str) -> None:
    fields = {"type": "VisitLogged", "payload": {}, "metadata": sample_metadata()} | arguments
    with pytest.raises(InvalidEvent, match=complaint):
        NewEvent(**fields)


def test_metadata_needs_an_actor_and_an_agency_and_nothing_else() -> None:
    with pytest.raises(ValidationError):
        EventMetadata(correlation_id="c", actor="", agency="police")
    with pytest.raises(ValidationError):
        EventMetadata(correlation_id="c", actor="officer", agency="police", name="Nguyễn Văn A")
