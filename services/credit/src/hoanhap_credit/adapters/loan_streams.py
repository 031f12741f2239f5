"""Credit's streams (loans, borrowers, businesses) in the PostgreSQL event store, and the loans' states in the loans
table, inside the caller's connection."""

import uuid
from collections.abc import Sequence

import asyncpg

from hoanhap.eventstore import PostgresEventStore, StoredEvent, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap_credit.adapters import loan_states
from hoanhap_credit.domain.applications import Purpose
from hoanhap_credit.domain.borrowers import BorrowerAlreadyRegistered
from hoanhap_credit.domain.loan_record import LoanRecord

BORROWER_DIGEST_KEY = "borrowers_lookup_digest_key"
OUTSTANDING = """
SELECT coalesce(sum(disbursed - principal_repaid), 0) FROM loans
WHERE (borrower_id = $1 OR business_id = $1) AND purpose = $2 AND status = 'disbursed'
"""


class PostgresLoanStreams:
    """LoanStreams over the service's PostgreSQL event store."""

    def __init__(self, store: PostgresEventStore) -> None:
        self.store = store

    async def read_stream(self, connection: Connection, stream_id: str) -> list[StoredEvent]:
        """The stream's events in order."""
        return await self.store.bound_to(connection).read_stream(stream_id)

    async def append_many(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        """The appends, all or none; ConcurrencyConflict if a stream moved on, BorrowerAlreadyRegistered if the
        citizen ID was registered meanwhile (the borrowers table's unique digest)."""
        try:
            await self.store.bound_to(connection).append_many(appends)
        except asyncpg.UniqueViolationError as violation:
            if violation.constraint_name != BORROWER_DIGEST_KEY:
                raise
            raise BorrowerAlreadyRegistered() from violation

    async def current_states(self, connection: Connection, loan_ids: list[uuid.UUID]) -> dict[uuid.UUID, LoanRecord]:
        """The loans' states the loans table holds, for those it can read."""
        return await loan_states.current_states(connection, loan_ids)

    async def outstanding_same_purpose(self, connection: Connection, holder_id: uuid.UUID, purpose: Purpose) -> int:
        """The principal still owed on the holder's disbursed loans of the purpose (VND)."""
        return int(await connection.fetchval(OUTSTANDING, holder_id, purpose.value))
