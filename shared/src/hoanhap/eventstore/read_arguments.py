"""Refusing read arguments that make no sense, the same way in every store."""

from hoanhap.eventstore.errors import InvalidEvent

LAST_VERSION = 2**31 - 1


def version_range(from_version: int, to_version: int | None) -> tuple[int, int]:
    """The inclusive range of stream versions to read; None for to_version means the last one."""
    if from_version < 1:
        raise InvalidEvent(f"from_version {from_version} is below 1, the first version of every stream")
    upper = LAST_VERSION if to_version is None else to_version
    if upper < from_version:
        raise InvalidEvent(f"to_version {upper} is below from_version {from_version}")
    return from_version, upper


def feed_window(position: int, limit: int) -> None:
    """Refuse a negative position or a limit below 1."""
    if position < 0:
        raise InvalidEvent(f"position {position} is negative; 0 reads from the start")
    if limit < 1:
        raise InvalidEvent(f"limit {limit} is below 1")
