"""What can go wrong when appending to or reading from an event store, in words a person can act on."""

from uuid import UUID


class EventStoreError(Exception):
    """Base of the event store's own errors."""


class ConcurrencyConflict(EventStoreError):
    """The stream moved on since the caller read it: reload, decide again, retry (HTTP 409)."""

    def __init__(self, stream_id: str, expected_version: int, actual_version: int) -> None:
        self.stream_id = stream_id
        self.expected_version = expected_version
        self.actual_version = actual_version
        super().__init__(
            f"stream {stream_id!r} is at version {actual_version}, but the append expected version "
            f"{expected_version}: someone else wrote to it first; reload the stream and decide again"
        )


class DuplicateEvent(EventStoreError):
    """An event with the same event id is already stored (or appears twice in one append)."""

    def __init__(self, event_id: UUID | None, where: str = "is already stored") -> None:
        self.event_id = event_id
        named = f"event id {event_id}" if event_id is not None else "an event id of this append"
        super().__init__(f"{named} {where}; an event is appended once, nothing was written")


class InvalidEvent(EventStoreError, ValueError):
    """An event, stream id or expected version the store cannot accept as given."""


class ChainBroken(EventStoreError):
    """The global chain does not link up from the last checkpoint, so no new checkpoint may vouch for it."""
