"""Payloads come back the same from every store: canonical JSON, whole floats as integers."""

from typing import Any

from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.testing.builders import new_stream_id, sample_event


class PayloadContract:
    """Needs a ``store`` fixture giving an empty store."""

    async def test_nested_payloads_and_vietnamese_text_round_trip(self, store: EventStore) -> None:
        payload: dict[str, Any] = {"commune": "Xã Đông Anh", "articles": ["173", "174"], "amount_vnd": 30_000_000,
                   "nested": {"ok": True, "none": None, "ratio": 0.25, "tiny": 1.5e-07}}
        stream = new_stream_id()
        [stored] = await store.append(stream, 0, [sample_event(**payload)])
        [read] = await store.read_stream(stream)
        assert read.payload == stored.payload == {"note": "thăm hộ gia đình", **payload}

    async def test_whole_floats_are_kept_as_integers(self, store: EventStore) -> None:
        stream = new_stream_id()
        [stored] = await store.append(stream, 0, [sample_event(months=24.0, big=1e16, huge=1e300)])
        [read] = await store.read_stream(stream)
        for event in (stored, read):
            assert event.payload["months"] == 24 and isinstance(event.payload["months"], int)
            assert event.payload["big"] == 10**16
            assert event.payload["huge"] == 10**300
        assert (await store.verify_stream(stream)).ok

    async def test_changing_a_read_payload_does_not_change_the_store(self, store: EventStore) -> None:
        stream = new_stream_id()
        [stored] = await store.append(stream, 0, [sample_event(items=[1, 2])])
        stored.payload["items"].append(3)
        [read] = await store.read_stream(stream)
        read.payload["note"] = "changed"
        assert (await store.read_stream(stream))[0].payload["items"] == [1, 2]
        assert (await store.verify_stream(stream)).ok
