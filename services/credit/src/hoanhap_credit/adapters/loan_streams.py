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
from hoanhap_credit.domain.loan_events import RepaymentReceived
from hoanhap_credit.domain.loan_record import LoanRecord

BORROWER_DIGEST_KEY = "borrowers_lookup_digest_key"
HOLDER_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('credit-holder:' || $1::uuid::text, 0))"
OUTSTANDING = """
SELECT coalesce(sum(CASE status WHEN 'applied' THEN amount_requested
                                WHEN 'approved' THEN coalesce((state #>> '{record,loan,approval,amount}')::bigint,
                                                              amount_requested)
                                ELSE disbursed - principal_repaid END), 0)
FROM loans
WHERE (borrower_id = $1 OR business_id = $1) AND purpose = $2 AND status IN ('applied', 'approved', 'disbursed')
  AND loan_id IS DISTINCT FROM $3
"""

PAYMENT_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('credit-payment-id:' || $1, 0))"
PAYMENT_ELSEWHERE = """
SELECT EXISTS (SELECT 1 FROM events WHERE type = $1 AND payload->>'payment_id' = $2 AND stream_id <> $3)
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

    async def outstanding_same_purpose(self, connection: Connection, holder_id: uuid.UUID, purpose: Purpose,
                                       excluding: uuid.UUID | None = None) -> int:
        """What the holder's other loans of the purpose ask (applied), are granted (approved) or still owe
        (disbursed), in VND. Takes the holder's lock until the caller's transaction ends, so two applications,
        approvals or first disbursements for one holder are decided one after the other, each seeing the other."""
        await connection.execute(HOLDER_LOCK, holder_id)
        return int(await connection.fetchval(OUTSTANDING, holder_id, purpose.value, excluding))

    async def payment_recorded_elsewhere(self, connection: Connection, payment_id: str, stream_id: str) -> bool:
        """Whether another loan's stream recorded the payment id; the id's lock (held to the end of the caller's
        transaction) makes a second loan posting it at once wait for the first and see it. The events table has no
        index on the payment id: a look-up reads the repayments (a table of claimed ids needs a migration)."""
        await connection.execute(PAYMENT_LOCK, payment_id)
        return bool(await connection.fetchval(PAYMENT_ELSEWHERE, RepaymentReceived.type_name(), payment_id, stream_id))
