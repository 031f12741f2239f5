"""Supervision's use cases over the in-memory event store, with in-memory keys and view of the registry, and the
real projection builder (its SQL is kept in the store's written_alongside), no database."""

import uuid
from collections.abc import Sequence
from datetime import date

from hoanhap import contracts as c
from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.eventstore import Alongside, InMemoryEventStore, StoredEvent, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap.working_days.calendar_periods import months_after
from hoanhap_supervision.adapters.projection import projection_alongside
from hoanhap_supervision.application.supervision import Supervision
from hoanhap_supervision.domain.registry_person import RegistryPerson
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from hoanhap_supervision.domain.state import SupervisionCase

NO_CONNECTION: Connection = None  # type: ignore[assignment]  # the in-memory stores need none


class InMemoryCaseStreams:
    """CaseStreams over an InMemoryEventStore."""

    def __init__(self) -> None:
        self.store = InMemoryEventStore()

    async def read_stream(self, connection: Connection, stream_id: str) -> list[StoredEvent]:
        return await self.store.read_stream(stream_id)

    async def append_many(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        await self.store.append_many(appends)

    async def current_states(self, connection: Connection,
                             person_ids: list[uuid.UUID]) -> dict[uuid.UUID, SupervisionCase]:
        """None kept: every case is replayed from its stream."""
        return {}

    async def unreadable_states(self, connection: Connection) -> list[uuid.UUID]:
        return []

    async def keep_state(self, connection: Connection, case: SupervisionCase) -> None:
        """None kept."""


class InMemoryKeys:
    """People's keys in a dict, kept or destroyed when the store applies the writes alongside."""

    master_key = bytes(32)

    def __init__(self) -> None:
        self.keys: dict[uuid.UUID, bytes] = {}

    def stored_alongside(self, person_id: uuid.UUID, person_key: bytes) -> Alongside:
        self.keys[person_id] = person_key
        return Alongside("INSERT INTO person_keys", (person_id,))

    def destroyed_alongside(self, person_id: uuid.UUID) -> Alongside:
        self.keys.pop(person_id, None)
        return Alongside("DELETE FROM person_keys", (person_id,))

    async def fetch(self, connection: Connection, person_id: uuid.UUID) -> bytes | None:
        return self.keys.get(person_id)

    async def fetch_many(self, connection: Connection, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, bytes]:
        return {person_id: self.keys[person_id] for person_id in person_ids if person_id in self.keys}


class InMemoryRegistryView:
    """What the registry said, folded as the PostgreSQL view folds it (place, release, closure, erasure)."""

    def __init__(self) -> None:
        self.people: dict[uuid.UUID, RegistryPerson] = {}
        self.gone: set[uuid.UUID] = set()
        self.forgotten: list[uuid.UUID] = []

    async def record(self, connection: Connection, event: c.IntegrationEvent) -> None:
        match event:
            case c.ReleaseRegistered():
                ends_on = None if event.supervision_months is None else months_after(event.release_date,
                                                                                     event.supervision_months)
                self.people[event.person_id] = RegistryPerson(event.person_id, event.province_code,
                                                              event.commune_code, event.release_type,
                                                              event.release_date, ends_on)
            case c.ResidenceChanged():
                person = self.people[event.person_id]
                self.people[event.person_id] = RegistryPerson(person.person_id, event.province_code,
                                                              event.commune_code, person.release_type,
                                                              person.release_date, person.supervision_ends_on)
            case c.CaseClosed() | c.PersonErased():
                self.gone.add(event.person_id)

    async def person(self, connection: Connection, person_id: uuid.UUID) -> RegistryPerson | None:
        return None if person_id in self.gone else self.people.get(person_id)

    async def forget(self, connection: Connection, person_id: uuid.UUID) -> None:
        self.forgotten.append(person_id)


def in_memory_supervision() -> tuple[Supervision, InMemoryCaseStreams, InMemoryKeys]:
    """Use cases with no pool, on in-memory storage and the default rules."""
    streams, keys = InMemoryCaseStreams(), InMemoryKeys()
    return Supervision(None, (streams, keys, projection_alongside), DEFAULT_RULES), streams, keys  # type: ignore[arg-type]


def officer(province: str = "01", *communes: str, agency: Agency = Agency.SUPERVISION) -> Principal:
    """A supervision officer of the province (only these communes, if any are named)."""
    return Principal(sub="officer-7", agency=agency, role=Role.OFFICER,
                     jurisdiction=Jurisdiction(province=province, communes=communes))


RELEASED_ON = date(2026, 1, 15)
