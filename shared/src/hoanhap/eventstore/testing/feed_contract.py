"""Reading everything committed after a global position, in order, as the relay does."""

import pytest

from hoanhap.eventstore.errors import InvalidEvent
from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.testing.builders import new_stream_id, sample_events


class FeedContract:
    """Needs a ``store`` fixture giving an empty store."""

    async def test_an_empty_store_has_nothing_to_read(self, store: EventStore) -> None:
        assert await store.read_all_after(0) == []
        assert await store.last_position() == 0

    async def test_reading_from_the_start_returns_every_event_in_position_order(self, store: EventStore) -> None:
        first, second = new_stream_id(), new_stream_id()
        appended = [
            *await store.append(first, 0, sample_events(2)),
            *await store.append(second, 0, sample_events(3)),
            *await store.append(first, 2, sample_events(1)),
        ]
        every = await store.read_all_after(0, limit=100)
        assert every == appended
        positions = [event.position for event in every]
        assert positions == sorted(set(positions))
        assert await store.last_position() == positions[-1]
        assert await store.read_all_after(positions[-1]) == []

    async def test_pages_of_a_limit_see_each_event_once(self, store: EventStore) -> None:
        for _ in range(4):
            await store.append(new_stream_id(), 0, sample_events(5))
        seen, position = [], 0
        while page := await store.read_all_after(position, limit=3):
            assert len(page) <= 3
            seen.extend(page)
            position = page[-1].position
        assert seen == await store.read_all_after(0, limit=1000)
        assert len({event.event_id for event in seen}) == 20

    async def test_reading_after_a_position_starts_just_after_it(self, store: EventStore) -> None:
        stored = await store.append(new_stream_id(), 0, sample_events(4))
        assert await store.read_all_after(stored[1].position, limit=1) == [stored[2]]

    async def test_a_stream_reads_in_version_order_within_the_feed(self, store: EventStore) -> None:
        stream = new_stream_id()
        for version in range(6):
            await store.append(new_stream_id(), 0, sample_events(1))
            await store.append(stream, version, sample_events(1))
        ours = [event for event in await store.read_all_after(0, limit=100) if event.stream_id == stream]
        assert [event.stream_version for event in ours] == [1, 2, 3, 4, 5, 6]

    async def test_a_negative_position_or_empty_limit_is_refused(self, store: EventStore) -> None:
        with pytest.raises(InvalidEvent):
            await store.read_all_after(-1)
        with pytest.raises(InvalidEvent):
            await store.read_all_after(0, limit=0)
