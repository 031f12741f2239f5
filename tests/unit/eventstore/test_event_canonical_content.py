"""The canonical form events are hashed in: stable, sorted, and the same after a round trip through JSON."""

import json
from datetime import UTC, datetime, timedelta, timezone
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoanhap.eventstore import InvalidEvent
from hoanhap.eventstore.canonical import canonical_json, event_content, timestamp_text
from hoanhap.eventstore.json_normal_form import normalised

texts = st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=16,
)


@given(json_values)
def test_the_canonical_form_survives_a_round_trip_through_json(value: object) -> None:
    canonical = canonical_json(normalised(value))
    assert canonical_json(normalised(json.loads(canonical))) == canonical


@given(st.dictionaries(texts, json_values, max_size=6))
def test_key_order_does_not_change_the_canonical_form(payload: dict) -> None:
    reversed_order = dict(reversed(list(payload.items())))
    assert canonical_json(normalised(reversed_order)) == canonical_json(normalised(payload))


@pytest.mark.parametrize(("value", "expected"), [
    (24.0, 24), (1e16, 10**16), (1e300, 10**300), (-0.0, 0), (0.25, 0.25), (1.5e-07, 1.5e-07), (True, True),
])
def test_whole_floats_become_the_integers_postgresql_would_print(value: float, expected: object) -> None:
    result = normalised(value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(("value", "complaint"), [
    ({"score": float("inf")}, r"payload.score is inf"),
    ({"items": [1, object()]}, r"payload.items\[1\] is a object"),
    ({1: "one"}, r"has the key 1"),
    ({"note": "a\x00b"}, r"payload.note contains the NUL character"),
])
def test_what_jsonb_cannot_hold_is_refused_with_its_place(value: object, complaint: str) -> None:
    with pytest.raises(InvalidEvent, match=complaint):
        normalised(value)


def test_the_content_bytes_are_the_canonical_json_of_all_content_fields() -> None:
    event_id, moment = uuid4(), datetime(2026, 1, 15, 7, 30, tzinfo=UTC)
    payload, metadata = {"tên": "Nguyễn", "b": [1, 2]}, {"actor": "officer", "agency": "police"}
    content = event_content("person-1", 3, event_id, "VisitLogged", 2, canonical_json(payload),
                            canonical_json(metadata), moment)
    whole = {"stream_id": "person-1", "stream_version": 3, "event_id": str(event_id), "type": "VisitLogged",
             "schema_version": 2, "payload": payload, "metadata": metadata,
             "recorded_at": "2026-01-15T07:30:00.000000Z"}
    assert content == canonical_json(whole).encode()


def test_times_are_written_in_utc_and_must_carry_a_zone() -> None:
    hanoi = timezone(timedelta(hours=7))
    assert timestamp_text(datetime(2026, 1, 15, 14, 30, 0, 5, tzinfo=hanoi)) == "2026-01-15T07:30:00.000005Z"
    with pytest.raises(InvalidEvent, match="no time zone"):
        timestamp_text(datetime(2026, 1, 15, 14, 30))
