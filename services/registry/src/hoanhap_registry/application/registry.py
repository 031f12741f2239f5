"""The registry's use cases: load a case, decide, then write keys, projection and events in one transaction."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import asyncpg

from hoanhap.auth import Principal
from hoanhap.eventstore import (
    Alongside,
    ConcurrencyConflict,
    EventMetadata,
    NewEvent,
    PostgresEventStore,
    StreamAppend,
)
from hoanhap.observability import current_correlation_id, new_correlation_id
from hoanhap.postgres.connections import Connection
from hoanhap_registry.domain import commands as cmd
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.decide import decide
from hoanhap_registry.domain.state import PersonCase, evolve, replay
from hoanhap_registry.domain.working_days import WorkingCalendar
from hoanhap_registry.identity.activity import Activity
from hoanhap_registry.identity.citizen_id import digest_of
from hoanhap_registry.identity.digest_queue import PUBLISH, WITHDRAW, identity_digest_queued
from hoanhap_registry.identity.keys import PersonKeys
from hoanhap_registry.identity.sealing import Identity, new_person_key, seal
from hoanhap_registry.jurisdiction import ensure_case_access
from hoanhap_registry.projection import projection_alongside


class PersonNotFound(Exception):
    """No case with this person id (or none the caller may see)."""


class StaleVersion(Exception):
    """The caller's expected version is not the case's current one."""

    def __init__(self, current_version: int) -> None:
        super().__init__(f"the case is at version {current_version}")
        self.current_version = current_version


@dataclass(frozen=True)
class Registration:
    """A new release as the HTTP layer validated it, identity still in clear."""

    identity: Identity
    release: Callable[[str], ev.ReleaseRegistered]  # sealed identity -> event


class Registry:
    """Everything a request needs: the store, the keys, the calendar and the lookup key of citizen IDs; and the
    record of work in progress that background work waits on."""

    def __init__(self, pool: asyncpg.Pool, store: PostgresEventStore, keys: PersonKeys, lookup_key: bytes,
                 calendar: WorkingCalendar) -> None:
        self.pool = pool
        self.store = store
        self.keys = keys
        self.lookup_key = lookup_key
        self.calendar = calendar
        self.activity = Activity()

    async def load(self, connection: Connection, person_id: uuid.UUID) -> tuple[PersonCase | None, int]:
        """The case and its version (0 and None when never registered)."""
        stored = await self.store.bound_to(connection).read_stream(str(person_id))
        return replay([ev.FACTS[event.type].model_validate(event.payload) for event in stored]), len(stored)

    async def change(self, connection: Connection, person_id: uuid.UUID, command: cmd.Command,
                     principal: Principal, expected_version: int | None = None) -> tuple[PersonCase, int]:
        """Apply a command to an existing case inside the caller's transaction; return the new case and version."""
        case, version = await self.load(connection, person_id)
        if case is None:
            raise PersonNotFound(str(person_id))
        ensure_case_access(principal, case)
        if expected_version is not None and expected_version != version:
            raise StaleVersion(version)
        events = decide(case, command, self.calendar)
        for event in events:
            case = evolve(case, event)
        erasing = [self.keys.destroyed_alongside(person_id), identity_digest_queued(person_id, WITHDRAW)] \
            if isinstance(command, cmd.EraseIdentity) else []
        return case, await self._write(connection, person_id, case, version, events, principal, *erasing)

    async def register(self, connection: Connection, person_id: uuid.UUID, registration: Registration,
                       principal: Principal) -> int:
        """Open a new case with its own key, in one statement; return its version."""
        [version] = await self.register_many(connection, [(person_id, registration)], principal)
        return version

    async def register_many(self, connection: Connection, registrations: list[tuple[uuid.UUID, Registration]],
                            principal: Principal) -> list[int]:
        """Open new cases, each with its own key, all or none, their statements sent together (a single case is one
        statement, with no transaction)."""
        opened = [self._open(person_id, registration, principal) for person_id, registration in registrations]
        await self._append(connection, [self._append_of(
            person_id, case, 0, events, principal, self.keys.stored_alongside(person_id, key),
            identity_digest_queued(person_id, PUBLISH), lookup_digest=self.digest(registration.identity.citizen_id))
            for (person_id, key, case, events), (_, registration) in zip(opened, registrations, strict=True)])
        return [len(events) for _, _, _, events in opened]

    def _open(self, person_id: uuid.UUID, registration: Registration,
              principal: Principal) -> tuple[uuid.UUID, bytes, PersonCase, list[ev.RegistryFact]]:
        person_key = new_person_key()
        release = registration.release(seal(registration.identity, person_key, person_id))
        events = decide(None, cmd.RegisterRelease(release), self.calendar)
        case = replay(events)
        assert case is not None
        ensure_case_access(principal, case)
        return person_id, person_key, case, events

    async def find_registration(self, connection: Connection, citizen_id: str, release_date: date) -> uuid.UUID | None:
        """The person already registered for this citizen ID and release date."""
        return (await self.find_registrations(connection, [(citizen_id, release_date)])).get(
            (self.digest(citizen_id), release_date))

    async def find_registrations(self, connection: Connection,
                                 releases: list[tuple[str, date]]) -> dict[tuple[str, date], uuid.UUID]:
        """The people already registered, by (citizen ID digest, release date), in one query."""
        digests = [self.digest(citizen_id) for citizen_id, _ in releases]
        rows = await connection.fetch(
            "SELECT national_id_digest, release_date, person_id FROM people WHERE (national_id_digest, release_date) "
            "IN (SELECT * FROM unnest($1::text[], $2::date[]))", digests, [day for _, day in releases])
        return {(row["national_id_digest"], row["release_date"]): row["person_id"] for row in rows}

    def digest(self, citizen_id: str) -> str:
        """The lookup digest of a citizen ID."""
        return digest_of(citizen_id, self.lookup_key)

    async def _write(self, connection: Connection, person_id: uuid.UUID, case: PersonCase, version: int,
                     events: list[ev.RegistryFact], principal: Principal, *alongside: Alongside) -> int:
        """Append the events with the case's new state (and any other write alongside) in one statement."""
        await self._append(connection, [self._append_of(person_id, case, version, events, principal, *alongside)])
        return version + len(events)

    async def _append(self, connection: Connection, appends: list[StreamAppend]) -> None:
        """Append to the cases' streams, all or none (one is one statement); StaleVersion if one moved on."""
        try:
            await self.store.bound_to(connection).append_many(appends)
        except ConcurrencyConflict as conflict:
            raise StaleVersion(conflict.actual_version) from conflict

    def _append_of(self, person_id: uuid.UUID, case: PersonCase, version: int, events: list[ev.RegistryFact],
                   principal: Principal, *alongside: Alongside, lookup_digest: str | None = None) -> StreamAppend:
        """The case's events after version, with its new state (and any other write) alongside them; a new case
        also gets the lookup digest of its citizen ID, which no event holds."""
        metadata = request_metadata(principal)
        new_events = [NewEvent(type=event.type_name(), payload=event.model_dump(mode="json"), metadata=metadata,
                               schema_version=event.schema_version) for event in events]
        state = projection_alongside(person_id, case, version + len(events), self.calendar, lookup_digest)
        return StreamAppend(str(person_id), version, new_events, alongside=[state, *alongside])


def request_metadata(principal: Principal) -> EventMetadata:
    """Who did it, on behalf of which agency, in answer to which request."""
    correlation_id = current_correlation_id() or new_correlation_id()
    return EventMetadata(correlation_id=correlation_id, actor=principal.sub, agency=principal.agency.value)
