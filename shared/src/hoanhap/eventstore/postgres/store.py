"""The event store on a service's own PostgreSQL database (asyncpg); see append_statement for gap safety."""

from collections.abc import Sequence

import asyncpg

from hoanhap.eventstore import read_arguments
from hoanhap.eventstore.clock import Clock, utc_now
from hoanhap.eventstore.errors import ConcurrencyConflict
from hoanhap.eventstore.events import Alongside, NewEvent, StoredEvent, StreamAppend
from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.pending import prepare_append
from hoanhap.eventstore.postgres import queries
from hoanhap.eventstore.postgres.append_statement import AppendOutcome, run_append, run_appends
from hoanhap.eventstore.postgres.refusals import refusal_of, stream_named_in
from hoanhap.eventstore.postgres.rows import stored_event
from hoanhap.eventstore.postgres.verifying import verify_every_stream
from hoanhap.eventstore.stream_audit import audit_stream
from hoanhap.eventstore.verification import StoreVerification, VerificationResult
from hoanhap.postgres.connections import Connection, connection_of

DEFAULT_CHANNEL = "hoanhap_events"


class PostgresEventStore(EventStore):
    """Reads and writes through the pool, or through a caller's connection after ``bound_to``."""

    def __init__(self, pool: asyncpg.Pool, *, notify_channel: str = DEFAULT_CHANNEL, clock: Clock = utc_now,
                 connection: Connection | None = None) -> None:
        self._pool = pool
        self._channel = notify_channel
        self._clock = clock
        self._target: asyncpg.Pool | Connection = connection if connection is not None else pool

    @property
    def notify_channel(self) -> str:
        """The channel every committed append NOTIFYs (with an empty payload); LISTEN on it to wake up."""
        return self._channel

    def bound_to(self, connection: Connection) -> "PostgresEventStore":
        """This store working inside the caller's connection and transaction (e.g. with an idempotency row)."""
        return PostgresEventStore(self._pool, notify_channel=self._channel, clock=self._clock, connection=connection)

    async def append(self, stream_id: str, expected_version: int, events: Sequence[NewEvent],
                     alongside: Sequence[Alongside] = ()) -> list[StoredEvent]:
        """Append events after expected_version (0: new stream), all or none; ConcurrencyConflict if it moved on.
        The writes alongside run in the same statement and commit with the events or not at all."""
        pending = prepare_append(stream_id, expected_version, events, self._clock())
        try:
            async with connection_of(self._target) as connection:
                outcome = await run_append(connection, stream_id, expected_version, pending, self._channel,
                                           alongside)
        except asyncpg.UniqueViolationError as violation:
            raise await refusal_of(violation, self._pool, stream_id, expected_version) from violation
        refuse_stale(stream_id, expected_version, outcome)
        return outcome.stored(pending)

    async def append_many(self, appends: Sequence[StreamAppend]) -> list[list[StoredEvent]]:
        """Several streams' appends, all or none, each written as ``append`` would write it, in order, but sent
        together: one round trip for each run of appends with the same kinds of writes alongside. A conflict on
        any stream (ConcurrencyConflict names the first) writes none of them. They run in a transaction of their
        own (a savepoint inside the caller's), holding the append lock until it ends; a single append is sent as
        ``append`` sends it, in one statement and no transaction."""
        if not appends:
            return []
        if len(appends) == 1:
            [only] = appends
            return [await self.append(only.stream_id, only.expected_version, only.events, only.alongside)]
        recorded_at = self._clock()
        prepared = [(append, prepare_append(append.stream_id, append.expected_version, append.events, recorded_at))
                    for append in appends]
        try:
            async with connection_of(self._target) as connection, connection.transaction():
                outcomes = await run_appends(connection, prepared, self._channel)
                for append, outcome in zip(appends, outcomes, strict=True):
                    refuse_stale(append.stream_id, append.expected_version, outcome)  # rolls back every one
        except asyncpg.UniqueViolationError as violation:
            raise await refusal_of(violation, self._pool, *stream_named_in(violation, appends)) from violation
        return [outcome.stored(pending) for (_, pending), outcome in zip(prepared, outcomes, strict=True)]

    async def read_stream(self, stream_id: str, from_version: int = 1,
                          to_version: int | None = None) -> list[StoredEvent]:
        """The stream's events from from_version to to_version (inclusive; None: the last), in version order."""
        lower, upper = read_arguments.version_range(from_version, to_version)
        async with connection_of(self._target) as connection:
            rows = await connection.fetch(queries.READ_STREAM, stream_id, lower, upper)
        return [stored_event(row) for row in rows]

    async def stream_version(self, stream_id: str) -> int:
        """The stream's current version: its number of events, 0 for a stream never written."""
        async with connection_of(self._target) as connection:
            return int(await connection.fetchval(queries.STREAM_VERSION, stream_id))

    async def read_all_after(self, position: int, limit: int = 500) -> list[StoredEvent]:
        """Up to limit committed events after position, in position order; a later call never finds one earlier."""
        read_arguments.feed_window(position, limit)
        async with connection_of(self._target) as connection:
            rows = await connection.fetch(queries.READ_ALL_AFTER, position, limit)
        return [stored_event(row) for row in rows]

    async def last_position(self) -> int:
        """The position of the newest committed event, 0 for an empty store."""
        async with connection_of(self._target) as connection:
            return int(await connection.fetchval(queries.LAST_POSITION))

    async def verify_stream(self, stream_id: str) -> VerificationResult:
        """Verify one stream's chain: ok, or its first bad event and why."""
        return audit_stream(stream_id, await self.read_stream(stream_id))

    async def verify_all(self) -> StoreVerification:
        """Verify every stream of the store and the global chain, reporting the first bad event of each stream that
        fails and the chain's first broken link."""
        async with connection_of(self._target) as connection:
            return await verify_every_stream(connection)


def refuse_stale(stream_id: str, expected_version: int, outcome: AppendOutcome) -> None:
    """ConcurrencyConflict when the statement found the stream's head elsewhere than expected_version (and so
    wrote nothing)."""
    if outcome.head_version != expected_version:
        raise ConcurrencyConflict(stream_id, expected_version, outcome.head_version)
