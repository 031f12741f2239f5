"""The cases' streams in the PostgreSQL event store, inside the caller's connection, PostgreSQL's refusals
translated into the registry's: one registration per citizen ID and release date (the people table's unique
index) refuses a second as ReleaseAlreadyRegistered."""

import uuid
from collections.abc import Sequence
from datetime import date

import asyncpg

from hoanhap.eventstore import PostgresEventStore, StoredEvent, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap_registry.domain.errors import ReleaseAlreadyRegistered

REGISTERED = """
SELECT national_id_digest, release_date, person_id FROM people
WHERE (national_id_digest, release_date) IN (SELECT * FROM unnest($1::text[], $2::date[]))
"""


class PostgresCaseStreams:
    """CaseStreams over the service's PostgreSQL event store and its people table."""

    def __init__(self, store: PostgresEventStore) -> None:
        self.store = store

    async def read_stream(self, connection: Connection, person_id: uuid.UUID) -> list[StoredEvent]:
        """The case's events in order (none when never registered)."""
        return await self.store.bound_to(connection).read_stream(str(person_id))

    async def append_many(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        """The appends, all or none; ConcurrencyConflict if a stream moved on, ReleaseAlreadyRegistered if a new
        case's release is registered already."""
        try:
            await self.store.bound_to(connection).append_many(appends)
        except asyncpg.UniqueViolationError as violation:
            raise ReleaseAlreadyRegistered() from violation

    async def registered(self, connection: Connection, digests: list[str],
                         days: list[date]) -> dict[tuple[str, date], uuid.UUID]:
        """The people registered for these (citizen ID lookup digest, release date) pairs, in one query."""
        rows = await connection.fetch(REGISTERED, digests, days)
        return {(row["national_id_digest"], row["release_date"]): row["person_id"] for row in rows}
