"""Changing stored events behind a store's back, as an intruder with direct access to its storage could."""

from abc import ABC, abstractmethod


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
