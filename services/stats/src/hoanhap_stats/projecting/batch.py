"""One projected batch, the same for every source: the prologue its transaction starts with, the source's own
reads and writes, then the commune totals, the feed and the lag it ends with."""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.projecting.commune_totals import Delta, apply_deltas
from hoanhap_stats.projecting.read_models import SWITCH_LOCK

SourceWrites = Callable[[Connection, Sequence[c.Envelope]], Awaitable[Sequence[Delta]]]
"""A source's part of a batch: read what the read models hold of it, write its rows, and return the changes to
commune figures in event order."""


@dataclass(frozen=True, slots=True)
class BatchProjection:
    """A source's handler for its tracked consumer (see hoanhap.consumers.Handler): every batch begun, written and
    ended the same way. A plain object, not a closure, so a replay process can be handed it."""

    source_writes: SourceWrites

    async def __call__(self, connection: Connection, envelopes: Sequence[c.Envelope], replaying: bool = False) -> None:
        """Apply the batch's events as if one by one (the tracked consumer gives each one once), changes on the
        feed and the lag noted unless replaying into a fresh schema."""
        await begin_projection(connection)
        deltas = await self.source_writes(connection, envelopes)
        await apply_deltas(connection, envelopes, deltas, replaying)


async def begin_projection(connection: Connection) -> None:
    """First thing in a projection transaction: no switch-over happens until it commits, and its commit does not
    wait for the disk. That is safe for read models: a commit lost in a crash loses its tracking rows with its
    effects, so the events are read from Kafka and applied again; nothing is lost or applied twice."""
    await connection.execute("SELECT pg_advisory_xact_lock_shared($1), set_config('synchronous_commit', 'off', true)",
                             SWITCH_LOCK)
