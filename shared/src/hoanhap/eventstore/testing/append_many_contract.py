"""Several streams appended together, and the writes that go alongside: what every event store must do.

The store cannot be asked what its writes alongside did, so these tests need a second fixture,
``notes_alongside``: an async function giving the ``(stream_id, note)`` pairs that the committed appends' writes
alongside made, for writes built by ``note_alongside``.
"""

from collections.abc import Awaitable, Callable

import pytest

from hoanhap.eventstore.errors import ConcurrencyConflict, DuplicateEvent
from hoanhap.eventstore.events import Alongside, StreamAppend
from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.testing.builders import new_stream_id, sample_events

NOTES_TABLE = "CREATE TABLE IF NOT EXISTS contract_notes (stream_id text PRIMARY KEY, note text NOT NULL)"
NotesAlongside = Callable[[], Awaitable[set[tuple[str, str]]]]


def note_alongside(stream: str, text: str) -> Alongside:
    """A write alongside that notes text against the stream in NOTES_TABLE."""
    return Alongside("INSERT INTO contract_notes (stream_id, note) SELECT $1, $2 FROM appending", (stream, text))


def noted(stream: str, expected_version: int, events: int) -> StreamAppend:
    return StreamAppend(stream, expected_version, sample_events(events), alongside=[note_alongside(stream, "note")])


class AppendManyContract:
    """Needs ``store`` (an empty store) and ``notes_alongside`` fixtures."""

    async def test_writes_alongside_commit_with_the_events(self, store: EventStore,
                                                           notes_alongside: NotesAlongside) -> None:
        stream, other = new_stream_id(), new_stream_id()
        stored = await store.append(stream, 0, sample_events(2),
                                    alongside=[note_alongside(stream, "first"), note_alongside(other, "second")])
        assert await store.read_stream(stream) == stored
        assert await notes_alongside() == {(stream, "first"), (other, "second")}

    async def test_a_stale_version_writes_nothing_alongside(self, store: EventStore,
                                                            notes_alongside: NotesAlongside) -> None:
        stream = new_stream_id()
        await store.append(stream, 0, sample_events(1))
        with pytest.raises(ConcurrencyConflict):
            await store.append(stream, 0, sample_events(1), alongside=[note_alongside(stream, "stale")])
        assert await notes_alongside() == set()
        assert len(await store.read_stream(stream)) == 1

    async def test_each_stream_reads_back_as_appended_with_positions_in_the_order_given(
            self, store: EventStore, notes_alongside: NotesAlongside) -> None:
        plain = new_stream_id()
        appends = [noted(new_stream_id(), 0, 2), StreamAppend(plain, 0, sample_events(1)),
                   noted(new_stream_id(), 0, 3)]
        stored = await store.append_many(appends)
        assert [await store.read_stream(append.stream_id) for append in appends] == stored
        positions = [event.position for events in stored for event in events]
        assert positions == sorted(positions) and len(set(positions)) == 6
        assert {stream for stream, _ in await notes_alongside()} == {appends[0].stream_id, appends[2].stream_id}
        assert (await store.verify_all()).ok

    async def test_a_later_append_may_continue_a_stream_begun_earlier_in_the_same_call(
            self, store: EventStore) -> None:
        stream = new_stream_id()
        stored = await store.append_many([StreamAppend(stream, 0, sample_events(2)),
                                          StreamAppend(stream, 2, sample_events(1))])
        assert [event.stream_version for events in stored for event in events] == [1, 2, 3]
        assert (await store.verify_stream(stream)).ok

    async def test_a_stale_stream_among_them_writes_none_of_them(self, store: EventStore,
                                                                  notes_alongside: NotesAlongside) -> None:
        taken = new_stream_id()
        await store.append(taken, 0, sample_events(1))
        fresh = [noted(new_stream_id(), 0, 1), noted(new_stream_id(), 0, 1)]
        with pytest.raises(ConcurrencyConflict) as conflict:
            await store.append_many([fresh[0], noted(taken, 0, 1), fresh[1]])
        assert (conflict.value.stream_id, conflict.value.actual_version) == (taken, 1)
        assert [await store.read_stream(append.stream_id) for append in fresh] == [[], []]
        assert await notes_alongside() == set() and len(await store.read_stream(taken)) == 1

    async def test_a_reused_event_id_writes_none_of_them(self, store: EventStore) -> None:
        [event] = sample_events(1)
        await store.append(new_stream_id(), 0, [event])
        fresh = StreamAppend(new_stream_id(), 0, sample_events(2))
        with pytest.raises(DuplicateEvent):
            await store.append_many([fresh, StreamAppend(new_stream_id(), 0, [event])])
        assert await store.read_stream(fresh.stream_id) == []

    async def test_nothing_to_append_writes_nothing(self, store: EventStore) -> None:
        assert await store.append_many([]) == []
        assert await store.last_position() == 0
