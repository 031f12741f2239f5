"""What the use cases need from storage, as protocols the adapters implement (PostgreSQL's are wired in by
app.py; unit tests give in-memory ones): the cases' streams, people's keys, and the state projection."""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from hoanhap.eventstore import Alongside, StoredEvent, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap.working_days import WorkingCalendar
from hoanhap_registry.domain.state import PersonCase


class CaseStreams(Protocol):
    """Where the cases' events and the writes alongside them go, inside the caller's connection."""

    async def read_stream(self, connection: Connection, person_id: uuid.UUID) -> list[StoredEvent]:
        """The case's events in order (none when never registered)."""

    async def append_many(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        """The appends, all or none; ConcurrencyConflict if a stream moved on, ReleaseAlreadyRegistered if a new
        case's citizen ID and release date are registered already."""

    async def registered(self, connection: Connection, digests: list[str],
                         days: list[date]) -> dict[tuple[str, date], uuid.UUID]:
        """The people registered for these (citizen ID lookup digest, release date) pairs, in one query."""


class PersonKeyStore(Protocol):
    """People's own keys, wrapped with the master key: kept when a case opens, destroyed to erase the person."""

    master_key: bytes

    def stored_alongside(self, person_id: uuid.UUID, person_key: bytes) -> Alongside:
        """Keeping a new person's key, alongside the events that open their case."""

    def destroyed_alongside(self, person_id: uuid.UUID) -> Alongside:
        """Deleting the person's key alongside the erasure's events."""

    async def fetch(self, connection: Connection, person_id: uuid.UUID) -> bytes | None:
        """The person's key, or None once erased."""

    async def fetch_many(self, connection: Connection, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, bytes]:
        """The keys of those people who still have one."""


class StateProjection(Protocol):
    """Writing a case's current state alongside its events (with the lookup digest when the case opens)."""

    def __call__(self, person_id: uuid.UUID, case: PersonCase, version: int, calendar: WorkingCalendar,
                 lookup_digest: str | None = None) -> Alongside: ...
