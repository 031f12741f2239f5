"""What the use cases need from storage, as protocols the adapters implement (PostgreSQL's are wired in by
app.py; unit tests give in-memory ones): the cases' streams, people's keys, the state projection, and the view of
the registry."""

import uuid
from collections.abc import Sequence
from typing import Protocol

from hoanhap.contracts import IntegrationEvent
from hoanhap.eventstore import Alongside, StoredEvent, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap_supervision.domain.registry_person import RegistryPerson
from hoanhap_supervision.domain.state import SupervisionCase


class CaseStreams(Protocol):
    """Where the cases' events and the writes alongside them go, inside the caller's connection."""

    async def read_stream(self, connection: Connection, stream_id: str) -> list[StoredEvent]:
        """The case's events in order (none before it opened)."""

    async def append_many(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        """The appends, all or none; ConcurrencyConflict if a stream moved on."""

    async def current_states(self, connection: Connection,
                             person_ids: list[uuid.UUID]) -> dict[uuid.UUID, SupervisionCase]:
        """The cases' states as written alongside their last append, for those that can be read (the others are
        replayed from their streams)."""

    async def unreadable_states(self, connection: Connection) -> list[uuid.UUID]:
        """The people whose case's state cannot be read (none kept yet, or kept by a release of another shape)."""

    async def keep_state(self, connection: Connection, case: SupervisionCase) -> None:
        """Keep a replayed state, unless the case moved on meanwhile."""


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
    """Writing a case's current state alongside its events."""

    def __call__(self, case_id: uuid.UUID, case: SupervisionCase, version: int) -> Alongside: ...


class RegistryView(Protocol):
    """Supervision's own table of what the registry said about each person."""

    async def record(self, connection: Connection, event: IntegrationEvent) -> None:
        """Fold one registry event into the view."""

    async def person(self, connection: Connection, person_id: uuid.UUID) -> RegistryPerson | None:
        """What the registry said of the person, if anything."""

    async def forget(self, connection: Connection, person_id: uuid.UUID) -> None:
        """Erasure: everything kept about the person beyond their id and that they were erased."""
