"""The cases' streams in the PostgreSQL event store, and their states in the cases table, inside the caller's
connection."""

import uuid
from collections.abc import Sequence

from hoanhap.eventstore import PostgresEventStore, StoredEvent, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap_supervision.adapters import case_states
from hoanhap_supervision.domain.state import SupervisionCase


class PostgresCaseStreams:
    """CaseStreams over the service's PostgreSQL event store."""

    def __init__(self, store: PostgresEventStore) -> None:
        self.store = store

    async def read_stream(self, connection: Connection, stream_id: str) -> list[StoredEvent]:
        """The case's events in order (none before it opened)."""
        return await self.store.bound_to(connection).read_stream(stream_id)

    async def append_many(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        """The appends, all or none; ConcurrencyConflict if a stream moved on."""
        await self.store.bound_to(connection).append_many(appends)

    async def current_states(self, connection: Connection,
                             person_ids: list[uuid.UUID]) -> dict[uuid.UUID, SupervisionCase]:
        """The cases' states the cases table holds, for those it can read."""
        return await case_states.current_states(connection, person_ids)

    async def unreadable_states(self, connection: Connection) -> list[uuid.UUID]:
        """The people whose case's state the table cannot give."""
        return await case_states.unreadable_states(connection)

    async def keep_state(self, connection: Connection, case: SupervisionCase) -> None:
        """The case's replayed state, if the case is still at its version."""
        await case_states.keep_state(connection, case)
