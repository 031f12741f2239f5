"""Verifying every stream of a PostgreSQL store without loading it all into memory."""

from asyncpg.transaction import Transaction

from hoanhap.eventstore.connections import Connection
from hoanhap.eventstore.postgres import queries
from hoanhap.eventstore.postgres.rows import stored_event
from hoanhap.eventstore.stream_audit import StoreAudit
from hoanhap.eventstore.verification import StoreVerification

BATCH = 1000


async def verify_every_stream(connection: Connection) -> StoreVerification:
    """Walk all events by stream and version through a cursor, in one consistent read-only snapshot."""
    audit = StoreAudit()
    async with _consistent_read(connection):
        async for row in connection.cursor(queries.EVERY_EVENT_BY_STREAM, prefetch=BATCH):
            audit.feed(stored_event(row))
    return audit.result()


def _consistent_read(connection: Connection) -> Transaction:
    if connection.is_in_transaction():  # a caller's transaction: a savepoint inside it
        return connection.transaction()
    return connection.transaction(isolation="repeatable_read", readonly=True)
