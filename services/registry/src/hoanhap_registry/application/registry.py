"""The registry's use cases: load a case, decide, then write keys, projection and events in one statement."""

import uuid
from collections.abc import Sequence
from datetime import date

import asyncpg

from hoanhap.auth import Principal
from hoanhap.eventstore import Alongside, ConcurrencyConflict, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap.sealing import new_person_key
from hoanhap.working_days import WorkingCalendar
from hoanhap_registry.application.case_access import ensure_case_access
from hoanhap_registry.application.case_writes import case_append
from hoanhap_registry.application.errors import PersonNotFound, StaleVersion
from hoanhap_registry.application.registration import Registration
from hoanhap_registry.application.storage import CaseStreams, PersonKeyStore, StateProjection
from hoanhap_registry.domain import commands as cmd
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.decide import decide
from hoanhap_registry.domain.state import PersonCase, evolve, replay
from hoanhap_registry.identity.activity import Activity
from hoanhap_registry.identity.citizen_id import digest_of
from hoanhap_registry.identity.digest_queue import PUBLISH, WITHDRAW, identity_digest_queued
from hoanhap_registry.identity.sealing import seal


class Registry:
    """Everything a request needs: the pool its connections come from, the cases' streams, people's keys, the
    state projection, the lookup key of citizen IDs and the calendar; and the record of work in progress that
    background work waits on."""

    def __init__(self, pool: asyncpg.Pool, storage: tuple[CaseStreams, PersonKeyStore, StateProjection],
                 lookup_key: bytes, calendar: WorkingCalendar) -> None:
        self.pool = pool
        self.streams, self.keys, self.projection = storage
        self.lookup_key = lookup_key
        self.calendar = calendar
        self.activity = Activity()

    async def load(self, connection: Connection, person_id: uuid.UUID) -> tuple[PersonCase | None, int]:
        """The case and its version (0 and None when never registered)."""
        stored = await self.streams.read_stream(connection, person_id)
        return replay([ev.FACTS[event.type].model_validate(event.payload) for event in stored]), len(stored)

    async def case_for(self, connection: Connection, person_id: uuid.UUID,
                       principal: Principal) -> tuple[PersonCase, int]:
        """The case and its version, for a caller who may act on it; PersonNotFound, or the kit's NotFound or
        Forbidden outside the caller's jurisdiction."""
        case, version = await self.load(connection, person_id)
        if case is None:
            raise PersonNotFound()
        ensure_case_access(principal, case)
        return case, version

    async def change(self, connection: Connection, person_id: uuid.UUID, command: cmd.Command,
                     principal: Principal, expected_version: int | None = None) -> tuple[PersonCase, int]:
        """Apply a command to an existing case inside the caller's transaction; return the new case and version."""
        case, version = await self.case_for(connection, person_id, principal)
        if expected_version is not None and expected_version != version:
            raise StaleVersion(version)
        events = decide(case, command, self.calendar)
        for event in events:
            case = evolve(case, event)
        erasing = [self.keys.destroyed_alongside(person_id), identity_digest_queued(person_id, WITHDRAW)] \
            if isinstance(command, cmd.EraseIdentity) else []
        await self._append(connection, [case_append(self.projection, self.calendar, person_id, case, version,
                                                    events, principal, *erasing)])
        return case, version + len(events)

    async def register(self, connection: Connection, person_id: uuid.UUID, registration: Registration,
                       principal: Principal) -> int:
        """Open a new case with its own key, in one statement; return its version."""
        [version] = await self.register_many(connection, [(person_id, registration)], principal)
        return version

    async def register_many(self, connection: Connection, registrations: list[tuple[uuid.UUID, Registration]],
                            principal: Principal) -> list[int]:
        """Open new cases, each with its own key, all or none, their statements sent together (a single case is one
        statement, with no transaction); ReleaseAlreadyRegistered if one was registered meanwhile."""
        appends, versions = [], []
        for person_id, registration in registrations:
            person_key = new_person_key()
            events = decide(None, cmd.RegisterRelease(registration.release(
                seal(registration.identity, person_key, person_id))), self.calendar)
            case = replay(events)
            assert case is not None
            ensure_case_access(principal, case)
            appends.append(case_append(
                self.projection, self.calendar, person_id, case, 0, events, principal,
                *self._opening(person_id, person_key),
                lookup_digest=self.digest(registration.identity.citizen_id)))
            versions.append(len(events))
        await self._append(connection, appends)
        return versions

    def _opening(self, person_id: uuid.UUID, person_key: bytes) -> list[Alongside]:
        """What a new case writes beside its events: its key, and its identity digest queued for the bank."""
        return [self.keys.stored_alongside(person_id, person_key), identity_digest_queued(person_id, PUBLISH)]

    async def find_registration(self, connection: Connection, citizen_id: str, release_date: date) -> uuid.UUID | None:
        """The person already registered for this citizen ID and release date."""
        return (await self.find_registrations(connection, [(citizen_id, release_date)])).get(
            (self.digest(citizen_id), release_date))

    async def find_registrations(self, connection: Connection,
                                 releases: list[tuple[str, date]]) -> dict[tuple[str, date], uuid.UUID]:
        """The people already registered, by (citizen ID digest, release date), in one query."""
        return await self.streams.registered(connection, [self.digest(citizen_id) for citizen_id, _ in releases],
                                             [day for _, day in releases])

    def digest(self, citizen_id: str) -> str:
        """The lookup digest of a citizen ID."""
        return digest_of(citizen_id, self.lookup_key)

    async def _append(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        """Append to the cases' streams, all or none (one is one statement); StaleVersion if one moved on."""
        try:
            await self.streams.append_many(connection, appends)
        except ConcurrencyConflict as conflict:
            raise StaleVersion(conflict.actual_version) from conflict
