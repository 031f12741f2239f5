"""The event store as the registry's use cases need it: the cases' streams, read and appended inside the caller's
connection. PostgreSQL's (`adapters/case_streams.py`) is wired in by app.py; unit tests give an in-memory one."""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from hoanhap.eventstore import StoredEvent, StreamAppend
from hoanhap.postgres.connections import Connection


class CaseStreams(Protocol):
    """Where the cases' events and the writes alongside them go."""

    async def read_stream(self, connection: Connection, person_id: uuid.UUID) -> list[StoredEvent]:
        """The case's events in order (none when never registered)."""

    async def append_many(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        """The appends, all or none; ConcurrencyConflict if a stream moved on, AlreadyRegistered if a new case's
        citizen ID and release date are registered already."""

    async def registered(self, connection: Connection, digests: list[str],
                         days: list[date]) -> dict[tuple[str, date], uuid.UUID]:
        """The people registered for these (citizen ID lookup digest, release date) pairs, in one query."""
