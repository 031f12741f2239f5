"""Changing stored events behind a store's back, as an intruder with direct access to its storage could."""

import dataclasses
from abc import ABC, abstractmethod

from hoanhap.eventstore.events import StoredEvent
from hoanhap.eventstore.hash_chain import GENESIS, chained_hash, content_of


class Tamperer(ABC):
    """Each implementation edits its store's storage directly, bypassing every check of the store."""

    @abstractmethod
    async def change_payload(self, stream_id: str, version: int) -> None:
        """Change one character of the event's payload note."""

    @abstractmethod
    async def delete_event(self, stream_id: str, version: int) -> None:
        """Remove the event, leaving a gap in the stream's versions."""

    @abstractmethod
    async def swap_payloads(self, stream_id: str, version: int, other_version: int) -> None:
        """Exchange the payloads of two events of the stream."""

    @abstractmethod
    async def swap_versions(self, stream_id: str, version: int, other_version: int) -> None:
        """Exchange the stream versions of two events, reordering the stream's history."""

    @abstractmethod
    async def delete_stream(self, stream_id: str) -> None:
        """Remove every event of the stream."""

    @abstractmethod
    async def rewrite_stream(self, stream_id: str, version: int) -> None:
        """Change the note of the event at version and recompute the stream's hashes from it on (``rewritten``),
        as an intruder who knows how the stream chain is made would."""


def rewritten(stream: list[StoredEvent], version: int) -> list[StoredEvent]:
    """The stream's events from version on, with that event's note changed and their stream hashes recomputed so
    that the stream's own chain verifies; their global hashes are left as they were."""
    previous = bytes.fromhex(stream[version - 2].hash) if version > 1 else GENESIS
    changed = []
    for event in stream[version - 1:]:
        if event.stream_version == version:
            event = dataclasses.replace(event, payload={**event.payload, "note": "X" + event.payload["note"][1:]})
        previous = chained_hash(previous, content_of(event))
        changed.append(dataclasses.replace(event, hash=previous.hex()))
    return changed
