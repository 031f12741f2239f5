"""Snapshots: the newest one is kept, never one ahead of its stream."""

import pytest

from hoanhap.eventstore.errors import InvalidEvent, SnapshotAheadOfStream
from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.testing.builders import new_stream_id, sample_events


class SnapshotContract:
    """Needs a ``store`` fixture giving an empty store."""

    async def test_a_stream_without_snapshot_loads_none(self, store: EventStore) -> None:
        assert await store.load_snapshot(new_stream_id()) is None

    async def test_the_newest_snapshot_is_loaded(self, store: EventStore) -> None:
        stream = new_stream_id()
        await store.append(stream, 0, sample_events(4))
        await store.save_snapshot(stream, 2, {"visits": 2, "risk_group": "B"})
        await store.save_snapshot(stream, 4, {"visits": 4, "risk_group": "A", "score": 3.0})
        snapshot = await store.load_snapshot(stream)
        assert snapshot is not None
        assert (snapshot.stream_id, snapshot.stream_version) == (stream, 4)
        assert snapshot.state == {"visits": 4, "risk_group": "A", "score": 3}
        assert snapshot.taken_at.utcoffset() is not None

    async def test_an_older_snapshot_never_replaces_a_newer_one(self, store: EventStore) -> None:
        stream = new_stream_id()
        await store.append(stream, 0, sample_events(3))
        await store.save_snapshot(stream, 3, {"visits": 3})
        await store.save_snapshot(stream, 1, {"visits": 1})
        snapshot = await store.load_snapshot(stream)
        assert snapshot is not None and snapshot.stream_version == 3

    async def test_a_snapshot_ahead_of_its_stream_is_refused(self, store: EventStore) -> None:
        stream = new_stream_id()
        await store.append(stream, 0, sample_events(2))
        with pytest.raises(SnapshotAheadOfStream, match="version 2"):
            await store.save_snapshot(stream, 3, {"visits": 3})
        with pytest.raises(InvalidEvent):
            await store.save_snapshot(stream, 0, {})
        with pytest.raises(InvalidEvent, match="not valid Unicode"):
            await store.save_snapshot(stream, 1, {"note": "\ud800"})
        assert await store.load_snapshot(stream) is None
