"""Appending and reading streams: what every event store must do."""

from datetime import UTC, timedelta

import pytest

from hoanhap.eventstore.errors import ConcurrencyConflict, DuplicateEvent, EventStoreError, InvalidEvent
from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.testing.builders import new_stream_id, sample_event, sample_events


class AppendContract:
    """Needs a ``store`` fixture giving an empty store."""

    async def test_a_new_stream_takes_versions_from_one_and_reads_back_equal(self, store: EventStore) -> None:
        stream = new_stream_id()
        events = sample_events(3)
        stored = await store.append(stream, 0, events)
        assert [event.stream_version for event in stored] == [1, 2, 3]
        assert [event.event_id for event in stored] == [event.event_id for event in events]
        assert [event.payload for event in stored] == [dict(event.payload) for event in events]
        assert [event.metadata for event in stored] == [event.metadata for event in events]
        assert {event.stream_id for event in stored} == {stream}
        assert await store.read_stream(stream) == stored

    async def test_appends_continue_the_stream_at_its_current_version(self, store: EventStore) -> None:
        stream = new_stream_id()
        await store.append(stream, 0, sample_events(2))
        later = await store.append(stream, 2, sample_events(1))
        assert [event.stream_version for event in later] == [3]
        assert await store.stream_version(stream) == 3
        assert await store.stream_version(new_stream_id()) == 0

    async def test_the_store_records_the_time_in_utc(self, store: EventStore) -> None:
        stored = await store.append(new_stream_id(), 0, sample_events(2))
        for event in stored:
            assert event.recorded_at.utcoffset() == timedelta(0)
            assert event.recorded_at.tzinfo is not None
        assert stored[0].recorded_at.astimezone(UTC) <= stored[1].recorded_at.astimezone(UTC)

    async def test_read_stream_between_versions(self, store: EventStore) -> None:
        stream = new_stream_id()
        stored = await store.append(stream, 0, sample_events(5))
        assert await store.read_stream(stream, from_version=2, to_version=4) == stored[1:4]
        assert await store.read_stream(stream, from_version=4) == stored[3:]
        assert await store.read_stream(new_stream_id()) == []
        with pytest.raises(InvalidEvent):
            await store.read_stream(stream, from_version=0)

    async def test_a_stale_expected_version_conflicts_and_writes_nothing(self, store: EventStore) -> None:
        stream = new_stream_id()
        stored = await store.append(stream, 0, sample_events(2))
        with pytest.raises(ConcurrencyConflict) as conflict:
            await store.append(stream, 1, sample_events(1))
        assert (conflict.value.stream_id, conflict.value.expected_version, conflict.value.actual_version) == (
            stream, 1, 2)
        assert "version 2" in str(conflict.value)
        assert await store.read_stream(stream) == stored

    async def test_expecting_a_version_a_new_stream_does_not_have_conflicts(self, store: EventStore) -> None:
        stream = new_stream_id()
        with pytest.raises(ConcurrencyConflict) as conflict:
            await store.append(stream, 1, sample_events(1))
        assert conflict.value.actual_version == 0
        assert await store.stream_version(stream) == 0

    async def test_an_event_id_already_stored_is_refused_as_a_duplicate(self, store: EventStore) -> None:
        [first] = await store.append(new_stream_id(), 0, sample_events(1))
        other_stream = new_stream_id()
        with pytest.raises(DuplicateEvent) as duplicate:
            await store.append(other_stream, 0, [sample_event(event_id=first.event_id)])
        assert duplicate.value.event_id == first.event_id
        assert await store.stream_version(other_stream) == 0

    async def test_an_event_id_twice_in_one_append_is_refused(self, store: EventStore) -> None:
        event = sample_event()
        with pytest.raises(DuplicateEvent):
            await store.append(new_stream_id(), 0, [event, event])

    async def test_a_refused_append_writes_none_of_its_events(self, store: EventStore) -> None:
        [first] = await store.append(new_stream_id(), 0, sample_events(1))
        before = await store.last_position()
        stream = new_stream_id()
        batch = [*sample_events(3), sample_event(event_id=first.event_id)]
        with pytest.raises(DuplicateEvent):
            await store.append(stream, 0, batch)
        assert await store.read_stream(stream) == []
        assert await store.read_all_after(before) == []
        assert [event.stream_version for event in await store.append(stream, 0, batch[:3])] == [1, 2, 3]

    async def test_conflicts_and_duplicates_are_distinct_errors(self, store: EventStore) -> None:
        assert not issubclass(ConcurrencyConflict, DuplicateEvent)
        assert not issubclass(DuplicateEvent, ConcurrencyConflict)
        assert not issubclass(ConcurrencyConflict, InvalidEvent | ValueError)
        assert issubclass(ConcurrencyConflict, EventStoreError)

    async def test_appending_nothing_writes_nothing_but_still_checks_the_version(self, store: EventStore) -> None:
        stream = new_stream_id()
        assert await store.append(stream, 0, []) == []
        await store.append(stream, 0, sample_events(1))
        with pytest.raises(ConcurrencyConflict):
            await store.append(stream, 0, [])
        assert await store.last_position() == (await store.read_stream(stream))[0].position

    async def test_nonsense_arguments_are_refused_in_words(self, store: EventStore) -> None:
        with pytest.raises(InvalidEvent, match="expected version -1"):
            await store.append(new_stream_id(), -1, sample_events(1))
        with pytest.raises(InvalidEvent, match="stream id"):
            await store.append("", 0, sample_events(1))
        with pytest.raises(InvalidEvent, match="NUL"):
            await store.append(new_stream_id(), 0, [sample_event(note="a\x00b")])
        with pytest.raises(InvalidEvent, match="nan"):
            await store.append(new_stream_id(), 0, [sample_event(score=float("nan"))])
        with pytest.raises(InvalidEvent, match="not valid Unicode"):
            await store.append(new_stream_id(), 0, [sample_event(note="half a pair \ud800")])
