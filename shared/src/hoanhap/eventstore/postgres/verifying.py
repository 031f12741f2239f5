"""Verifying a whole PostgreSQL store without loading it all into memory: every stream's chain, the global chain
and, for the audit command, the checkpoints, all in one consistent snapshot."""

from asyncpg.transaction import Transaction

from hoanhap.eventstore.audit.trust import CheckedCheckpoints, CheckpointsToCheck, checked_checkpoints
from hoanhap.eventstore.feed_audit import FeedAudit, with_feed
from hoanhap.eventstore.postgres import queries
from hoanhap.eventstore.postgres.checkpoints import every_checkpoint
from hoanhap.eventstore.postgres.rows import feed_link, stored_event
from hoanhap.eventstore.stream_audit import StoreAudit
from hoanhap.eventstore.verification import StoreVerification
from hoanhap.postgres.connections import Connection

BATCH = 1000


async def verify_every_stream(connection: Connection,
                              checkpoints: CheckpointsToCheck | None = None) -> StoreVerification:
    """Walk all events by stream and version, then by position, through cursors in one read-only snapshot; with
    checkpoints, hold the store to them too."""
    async with _consistent_read(connection):
        checked = CheckedCheckpoints()
        if checkpoints is not None:
            checked = checked_checkpoints(await every_checkpoint(connection, checkpoints.store), checkpoints)
        streams = StoreAudit()
        async for row in connection.cursor(queries.EVERY_EVENT_BY_STREAM, prefetch=BATCH):
            streams.feed(stored_event(row))
        feed = FeedAudit(checked.anchors)
        async for row in connection.cursor(queries.FEED_LINKS_AFTER, 0, prefetch=BATCH):
            feed.feed(feed_link(row))
    return with_feed(streams.result(), feed.result(), checked.checked, checked.problems)


def _consistent_read(connection: Connection) -> Transaction:
    if connection.is_in_transaction():  # a caller's transaction: a savepoint inside it
        return connection.transaction()
    return connection.transaction(isolation="repeatable_read", readonly=True)
