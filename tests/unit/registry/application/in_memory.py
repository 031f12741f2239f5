"""The registry's use cases over the in-memory event store: its streams, real key and projection builders (they
only build SQL to run alongside, which the in-memory store keeps in written_alongside), no database."""

import uuid
from collections.abc import Sequence
from datetime import date

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.eventstore import InMemoryEventStore, StoredEvent, StreamAppend
from hoanhap.person_keys import PersonKeys
from hoanhap.postgres.connections import Connection
from hoanhap.working_days import WorkingCalendar
from hoanhap_registry.adapters.projection import projection_alongside
from hoanhap_registry.application.registry import Registry

MASTER_KEY = bytes(range(32))
NO_CONNECTION: Connection = None  # type: ignore[assignment]  # the in-memory streams need none


class InMemoryCaseStreams:
    """CaseStreams over an InMemoryEventStore; `registered` answers what the test says is registered."""

    def __init__(self) -> None:
        self.store = InMemoryEventStore()
        self.known: dict[tuple[str, date], uuid.UUID] = {}

    async def read_stream(self, connection: Connection, person_id: uuid.UUID) -> list[StoredEvent]:
        return await self.store.bound_to(connection).read_stream(str(person_id))

    async def append_many(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        await self.store.bound_to(connection).append_many(appends)

    async def registered(self, connection: Connection, digests: list[str],
                         days: list[date]) -> dict[tuple[str, date], uuid.UUID]:
        return {pair: person for pair, person in self.known.items() if pair in set(zip(digests, days, strict=True))}


def in_memory_registry(streams: InMemoryCaseStreams | None = None) -> Registry:
    """A registry with no pool: its use cases run on the in-memory streams."""
    return Registry(None, (streams or InMemoryCaseStreams(), PersonKeys(MASTER_KEY), projection_alongside),  # type: ignore[arg-type]
                    b"lookup-key-for-unit-tests-only!!", WorkingCalendar())


def officer(province: str = "01", *communes: str) -> Principal:
    """A police officer of the province (only these communes, if any are named)."""
    return Principal(sub="officer-7", agency=Agency.POLICE, role=Role.OFFICER,
                     jurisdiction=Jurisdiction(province=province, communes=communes))
