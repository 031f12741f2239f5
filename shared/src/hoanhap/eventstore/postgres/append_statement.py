"""Appending a batch of events in ONE statement: version check, hash chain, insert and NOTIFY in one round trip.

Gap safety (why ``position > N`` readers never skip a late commit): the statement takes a transaction-level
advisory lock (APPEND_LOCK) before the identity sequence hands out any position, and PostgreSQL releases it
only after the transaction's commit or rollback is visible to others. So positions are handed out in
commit order: while one append's transaction is open, no other append can get a position at all, and once
a reader sees position P committed, every position below P is either committed and visible to it, or
belongs to a rollback and will never appear. This is the eventsourcing library's approach (it locks the
table); filtering on ``pg_snapshot_xmin`` with a plain position cursor is NOT enough, because a transaction
can take its xid before another yet take its positions after it.

The price: appending transactions of one database commit one at a time. A single writer loses nothing
(the lock is uncontended); many small concurrent appends queue for the lock through each commit, which is
ample for one agency's service, and batches amortise it. Append last in a caller's transaction, since the
lock is held until that transaction ends; better, give the writes that go with the events as ``Alongside``
statements and append outside any transaction: one statement then commits everything on its own, and the lock is
released inside the server, never held across a round trip to the client. ``append_many`` sends the statements of
several streams pipelined (asyncpg's fetchmany) in a transaction of their own: one round trip for many appends,
for bulk writes such as an import, which hold the lock for that one round trip.

The expected version is checked against the stream's head from the statement's snapshot; a writer that
raced past it meanwhile makes the insert hit the (stream_id, stream_version) unique index, which the store
reports as the same ConcurrencyConflict. The hashes are chained in SQL from contents Python encoded
(``canonical.event_content``), so the stored columns are exactly what the hash covers.

The global chain (``hash_chain.feed_hash``) continues from the store's newest event, which ``events_feed_tip()``
looks up once the append lock is held: one backward step of the primary key. That function is VOLATILE, so
under READ COMMITTED its query takes a fresh snapshot and sees the append that committed while this statement
waited for the lock, which the statement's own snapshot would miss; it refuses other isolation levels, where
it could not. The lock makes that newest event the one just before the positions this statement takes.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any

from hoanhap.eventstore.events import Alongside, StoredEvent, StreamAppend
from hoanhap.eventstore.pending import PendingEvent
from hoanhap.eventstore.postgres.locks import APPEND_LOCK
from hoanhap.postgres.connections import Connection

APPEND_PARAMETERS = 5
PARAMETER = re.compile(r"\$(\d+)")
STREAM_VERSION_KEY = "events_stream_version_key"
EVENT_ID_KEY = "events_event_id_key"

APPEND = """
WITH RECURSIVE
head AS (SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1),
base AS (
    SELECT coalesce((SELECT hash FROM events WHERE stream_id = $1 AND stream_version = $2), '\\x'::bytea) AS hash
    FROM head WHERE head.version = $2 AND cardinality($3::bytea[]) > 0
),
serialised AS (SELECT pg_advisory_xact_lock($4) FROM base),
tip AS (SELECT events_feed_tip() AS global_hash FROM serialised),
chain (ordinal, hash, global_hash) AS (
    SELECT 0::bigint, base.hash, tip.global_hash FROM base, tip
    UNION ALL
    SELECT chain.ordinal + 1, linked.hash, sha256(chain.global_hash || linked.hash)
    FROM chain CROSS JOIN LATERAL (SELECT sha256(chain.hash || ($3::bytea[])[chain.ordinal + 1]) AS hash) AS linked
    WHERE chain.ordinal < cardinality($3::bytea[])
),
inserted AS (
    INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, payload, metadata,
                        recorded_at, hash, global_hash)
    SELECT e.stream_id, e.stream_version, e.event_id, e.type, e.schema_version, e.payload, e.metadata,
           e.recorded_at, chain.hash, chain.global_hash
    FROM serialised,
         unnest($3::bytea[]) WITH ORDINALITY AS new (content, ordinal)
         CROSS JOIN LATERAL jsonb_to_record(convert_from(new.content, 'UTF8')::jsonb) AS e (
             stream_id text, stream_version integer, event_id uuid, type text, schema_version integer,
             payload jsonb, metadata jsonb, recorded_at timestamptz)
         JOIN chain ON chain.ordinal = new.ordinal
    ORDER BY new.ordinal
    RETURNING position, stream_version, hash, global_hash
),
notified AS (SELECT pg_notify($5, '') FROM (SELECT 1 FROM inserted LIMIT 1) AS any_row){alongside}
SELECT (SELECT version FROM head) AS head_version,
       (SELECT array_agg(position ORDER BY stream_version) FROM inserted) AS positions,
       (SELECT array_agg(hash ORDER BY stream_version) FROM inserted) AS hashes,
       (SELECT array_agg(global_hash ORDER BY stream_version) FROM inserted) AS global_hashes,
       (SELECT count(*) FROM notified) AS notifications
"""


PLAIN_APPEND = APPEND.format(alongside="")


@dataclass(frozen=True, slots=True)
class AppendOutcome:
    """What the statement did: the stream's head version it saw, and the positions and both hashes it wrote."""

    head_version: int
    positions: list[int]
    hashes: list[bytes]
    global_hashes: list[bytes]

    def stored(self, pending: list[PendingEvent]) -> list[StoredEvent]:
        """The pending events as this statement committed them."""
        return [event.stored(position, digest, global_digest) for event, position, digest, global_digest
                in zip(pending, self.positions, self.hashes, self.global_hashes, strict=True)]


async def run_append(connection: Connection, stream_id: str, expected_version: int,
                     pending: list[PendingEvent], channel: str, alongside: Sequence[Alongside] = ()) -> AppendOutcome:
    """Run the append statement, with the writes alongside it; nothing is written when the head is not at
    expected_version."""
    sql, arguments = with_alongside(alongside)
    row = await connection.fetchrow(sql, *statement_arguments(stream_id, expected_version, pending, channel, arguments))
    assert row is not None  # an aggregate-only SELECT always returns one row
    return outcome_of(row)


async def run_appends(connection: Connection, appends: Sequence[tuple[StreamAppend, list[PendingEvent]]],
                      channel: str) -> list[AppendOutcome]:
    """Run the append statements of several streams in order, pipelined: one round trip for each run of appends
    with the same kinds of writes alongside (asyncpg's fetchmany sends them all before reading any answer)."""
    calls = [(*with_alongside(append.alongside), append, pending) for append, pending in appends]
    outcomes: list[AppendOutcome] = []
    for sql, run in groupby(calls, key=lambda call: call[0]):
        rows = await connection.fetchmany(sql, [
            statement_arguments(append.stream_id, append.expected_version, pending, channel, arguments)
            for _, arguments, append, pending in run])
        outcomes += [outcome_of(row) for row in rows]
    return outcomes


def statement_arguments(stream_id: str, expected_version: int, pending: list[PendingEvent], channel: str,
                        alongside_arguments: list[object]) -> tuple[object, ...]:
    """The append statement's arguments, in the order of its parameters, then those of the writes alongside it."""
    return (stream_id, expected_version, [event.content for event in pending], APPEND_LOCK, channel,
            *alongside_arguments)


def outcome_of(row: Mapping[str, Any]) -> AppendOutcome:
    """The statement's one row as an outcome."""
    return AppendOutcome(row["head_version"], list(row["positions"] or []), list(row["hashes"] or []),
                         list(row["global_hashes"] or []))


def with_alongside(alongside: Sequence[Alongside]) -> tuple[str, list[object]]:
    """The append statement with each write alongside as a CTE of its own, its parameters renumbered to follow
    the append's, and all their arguments in order."""
    if not alongside:
        return PLAIN_APPEND, []
    statement = append_with(tuple((write.sql, len(write.arguments)) for write in alongside))
    return statement, [argument for write in alongside for argument in write.arguments]


@lru_cache(maxsize=256)  # a service writes a handful of combinations; each is built once, not on every append
def append_with(writes: tuple[tuple[str, int], ...]) -> str:
    """The append statement with the writes (their SQL and how many parameters each takes) alongside it."""
    ctes = [",\nappending AS (SELECT 1 FROM serialised)"]
    taken = APPEND_PARAMETERS
    for number, (sql, parameters) in enumerate(writes):
        ctes.append(f",\nalongside_{number} AS ({renumbered(sql, taken)})")
        taken += parameters
    return APPEND.format(alongside="".join(ctes))


def renumbered(sql: str, offset: int) -> str:
    """The statement with each parameter $n turned into $(n + offset)."""
    return PARAMETER.sub(lambda match: f"${int(match.group(1)) + offset}", sql)
