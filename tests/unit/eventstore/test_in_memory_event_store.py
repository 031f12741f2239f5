"""The in-memory event store passes the same contract suite as the PostgreSQL one."""

import dataclasses

import pytest

from hoanhap.eventstore import InMemoryEventStore, StoredEvent
from hoanhap.eventstore.testing import EventStoreContract, NotesAlongside, Tamperer
from hoanhap.eventstore.testing.tampering import rewritten


class InMemoryTamperer(Tamperer):
    """Edits the lists that the in-memory store verifies, as the SQL tamperer edits rows."""

    def __init__(self, store: InMemoryEventStore) -> None:
        self.streams: dict[str, list[StoredEvent]] = store._streams  # noqa: SLF001 - tampering is the point

    async def change_payload(self, stream_id: str, version: int) -> None:
        event = self._event(stream_id, version)
        note = event.payload["note"]
        self._put(dataclasses.replace(event, payload={**event.payload, "note": "X" + note[1:]}))

    async def delete_event(self, stream_id: str, version: int) -> None:
        self.streams[stream_id].remove(self._event(stream_id, version))

    async def swap_payloads(self, stream_id: str, version: int, other_version: int) -> None:
        event, other = self._event(stream_id, version), self._event(stream_id, other_version)
        self._put(dataclasses.replace(event, payload=other.payload))
        self._put(dataclasses.replace(other, payload=event.payload))

    async def swap_versions(self, stream_id: str, version: int, other_version: int) -> None:
        event, other = self._event(stream_id, version), self._event(stream_id, other_version)
        self._put(dataclasses.replace(other, stream_version=version))
        self._put(dataclasses.replace(event, stream_version=other_version))
        self.streams[stream_id].sort(key=lambda stored: stored.stream_version)

    async def delete_stream(self, stream_id: str) -> None:
        del self.streams[stream_id]

    async def rewrite_stream(self, stream_id: str, version: int) -> None:
        for event in rewritten(self.streams[stream_id], version):
            self._put(event)

    def _event(self, stream_id: str, version: int) -> StoredEvent:
        return next(event for event in self.streams[stream_id] if event.stream_version == version)

    def _put(self, event: StoredEvent) -> None:
        events = self.streams[event.stream_id]
        index = next(i for i, kept in enumerate(events) if kept.event_id == event.event_id)
        events[index] = event


@pytest.fixture
def store() -> InMemoryEventStore:
    return InMemoryEventStore()


@pytest.fixture
def tamperer(store: InMemoryEventStore) -> InMemoryTamperer:
    return InMemoryTamperer(store)


@pytest.fixture
def notes_alongside(store: InMemoryEventStore) -> NotesAlongside:
    """The notes the store kept as written alongside its committed appends."""

    async def notes() -> set[tuple[str, str]]:
        return {(str(write.arguments[0]), str(write.arguments[1])) for write in store.written_alongside}
    return notes


class TestInMemoryEventStore(EventStoreContract):
    """Runs every contract test against the in-memory store."""
