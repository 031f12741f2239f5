"""Supervision's use cases: load a case, check the caller's access, decide, then write the events with the case's
state (and keys) alongside in one statement."""

import uuid
from datetime import date

import asyncpg

from hoanhap.auth import Principal
from hoanhap.eventstore import Alongside, ConcurrencyConflict, EventMetadata, StoredEvent
from hoanhap.observability import current_correlation_id, new_correlation_id
from hoanhap.postgres.connections import Connection
from hoanhap.sealing import new_person_key
from hoanhap.write_path.errors import Conflict, NotFound, StaleVersion
from hoanhap.write_path.jurisdiction import ensure_place_access
from hoanhap_supervision.application.case_writes import case_append
from hoanhap_supervision.application.officer_input import OfficerInput
from hoanhap_supervision.application.storage import CaseStreams, PersonKeyStore, StateProjection
from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.case_identity import stream_of
from hoanhap_supervision.domain.next_contact import decide_and_follow
from hoanhap_supervision.domain.rules import SupervisionRules
from hoanhap_supervision.domain.state import SupervisionCase, evolve, replay

NOT_FOUND = "no supervision case for this person"
FORBIDDEN = "this supervision case is outside your jurisdiction"
ERASED = "this person was erased: nothing more is recorded about them"


class Supervision:
    """Everything a request or a registry fact needs: the pool, the cases' streams, people's keys, the state
    projection and the deployment's rules."""

    def __init__(self, pool: asyncpg.Pool, storage: tuple[CaseStreams, PersonKeyStore, StateProjection],
                 rules: SupervisionRules) -> None:
        self.pool = pool
        self.streams, self.keys, self.projection = storage
        self.rules = rules

    async def current(self, connection: Connection,
                      person_ids: list[uuid.UUID]) -> dict[uuid.UUID, SupervisionCase]:
        """The cases of these people that opened, as last written; one whose state cannot be read (written by an
        older release) is replayed from its stream."""
        cases = await self.streams.current_states(connection, person_ids)
        for person_id in person_ids:
            if person_id not in cases:
                replayed = case_of(await self.streams.read_stream(connection, stream_of(person_id)))
                if replayed is not None:
                    cases[person_id] = replayed
        return cases

    async def refill_states(self) -> int:
        """Keep the state of every case whose state cannot be read, replayed from its stream (at start-up: cases
        written before states were kept, or by a release of another shape); how many there were."""
        async with self.pool.acquire() as connection:
            people = await self.streams.unreadable_states(connection)
            for person_id in people:
                replayed = case_of(await self.streams.read_stream(connection, stream_of(person_id)))
                if replayed is not None:
                    await self.streams.keep_state(connection, replayed)
        return len(people)

    async def load(self, connection: Connection, person_id: uuid.UUID) -> tuple[SupervisionCase | None, int]:
        """The case and its version (None and 0 before it opened)."""
        case = (await self.current(connection, [person_id])).get(person_id)
        return case, 0 if case is None else case.version

    async def case_for(self, connection: Connection, person_id: uuid.UUID,
                       principal: Principal) -> tuple[SupervisionCase, int]:
        """The case and its version for a caller who may act on it where it is now: NotFound without a case or in
        another province, Forbidden in another commune."""
        case, version = await self.load(connection, person_id)
        if case is None:
            raise NotFound(NOT_FOUND)
        ensure_place_access(principal, case.province_code, case.commune_code, not_found=NOT_FOUND,
                            forbidden=FORBIDDEN)
        return case, version

    async def records_for(self, connection: Connection, person_id: uuid.UUID,
                          principal: Principal) -> tuple[SupervisionCase, list[StoredEvent]]:
        """The case and its stored events for a caller who may act on it where it is now: NotFound without a
        case or in another province, Forbidden in another commune."""
        stored = await self.streams.read_stream(connection, stream_of(person_id))
        case = case_of(stored)
        if case is None:
            raise NotFound(NOT_FOUND)
        ensure_place_access(principal, case.province_code, case.commune_code, not_found=NOT_FOUND,
                            forbidden=FORBIDDEN)
        return case, stored

    async def record(self, connection: Connection, person_id: uuid.UUID, asked: OfficerInput, principal: Principal,
                     expected_version: int | None, today: date) -> int:
        """Record an assessment, a contact or an officer put in charge, free text sealed with the person's key; the
        new version."""
        case, version = await self.case_for(connection, person_id, principal)
        if expected_version is not None and expected_version != version:
            raise StaleVersion(version)
        key = await self.keys.fetch(connection, person_id)
        if key is None:
            raise Conflict(ERASED)
        events = decide_and_follow(case, asked.sealed(key, person_id, principal), self.rules, today)
        await self._append(connection, case, version, events, request_metadata(principal))
        return version + len(events)

    async def apply_fact(self, connection: Connection, person_id: uuid.UUID, command: cmd.Command,
                         metadata: EventMetadata, today: date) -> None:
        """Apply a registry fact to the person's case: an opening keeps a new key for the person, an erasure
        destroys it, with the events."""
        case, version = await self.load(connection, person_id)
        events = decide_and_follow(case, command, self.rules, today)
        if not events:
            return
        alongside: list[Alongside] = []
        if isinstance(command, cmd.OpenSupervision):
            alongside.append(self.keys.stored_alongside(person_id, new_person_key()))
        if isinstance(command, cmd.EraseNotes):
            alongside.append(self.keys.destroyed_alongside(person_id))
        await self._append(connection, case, version, events, metadata, *alongside)

    async def _append(self, connection: Connection, case: SupervisionCase | None, version: int,
                      events: list[ev.SupervisionFact], metadata: EventMetadata, *alongside: Alongside) -> None:
        """The events with the case's new state; StaleVersion if the case moved on meanwhile."""
        for event in events:
            case = evolve(case, event)
        assert case is not None
        try:
            await self.streams.append_many(connection, [case_append(self.projection, case, version, events,
                                                                    metadata, *alongside)])
        except ConcurrencyConflict as conflict:
            raise StaleVersion(conflict.actual_version) from conflict


def case_of(stored: list[StoredEvent]) -> SupervisionCase | None:
    """The case these stored events make."""
    return replay([ev.FACTS[event.type].model_validate(event.payload) for event in stored])


def request_metadata(principal: Principal) -> EventMetadata:
    """Who did it, on behalf of which agency, in answer to which request."""
    correlation_id = current_correlation_id() or new_correlation_id()
    return EventMetadata(correlation_id=correlation_id, actor=principal.sub, agency=principal.agency.value)
