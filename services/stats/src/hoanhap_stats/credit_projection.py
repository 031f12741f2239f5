"""The credit service's events projected into stats' loans read model: each batch folded in memory, then written
with one statement, in the transaction that also records the batch as processed."""

from collections.abc import Sequence
from uuid import UUID

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.counters import apply_deltas
from hoanhap_stats.credit_batch import fold
from hoanhap_stats.loans import LoanRow, LoanStatus
from hoanhap_stats.read_models import begin_projection
from hoanhap_stats.upserts import Upsert, every_column_but

LOAN_COLUMNS = {
    "loan_id": "uuid", "province_code": "text", "commune_code": "text", "purpose": "text", "borrower_kind": "text",
    "person_id": "uuid", "business_type": "text", "status": "text", "amount_requested_vnd": "bigint",
    "applied_on": "date", "amount_approved_vnd": "bigint", "disbursed_vnd": "bigint",
    "repaid_principal_vnd": "bigint", "outstanding_principal_vnd": "bigint", "overdue_principal_vnd": "bigint",
    "decided_on": "date", "first_disbursed_on": "date", "final_due_on": "date", "overdue_since": "date",
    "settled_on": "date"}
"""Each column of the loans table, named and ordered as LoanRow's fields, with its SQL type."""
FIXED_AT_APPLICATION = ("loan_id", "province_code", "commune_code", "purpose", "borrower_kind", "person_id",
                        "business_type", "amount_requested_vnd", "applied_on")
LOANS = Upsert("loans", LOAN_COLUMNS, key="loan_id",
               replaced=every_column_but(LOAN_COLUMNS, *FIXED_AT_APPLICATION))


async def project_credit_events(connection: Connection, envelopes: Sequence[c.Envelope],
                               replaying: bool = False) -> None:
    """Apply the batch's events as if one by one (the tracked consumer gives each one once), changes on the feed
    unless replaying into a fresh schema."""
    await begin_projection(connection)
    events = [envelope.data for envelope in envelopes]
    writes = fold(await known_loans(connection, events), events)
    await LOANS.write(connection, [[getattr(loan, column) for column in LOAN_COLUMNS]
                                   for loan in writes.loans.values()])
    await apply_deltas(connection, envelopes, writes.deltas, replaying)


async def known_loans(connection: Connection, events: list[c.IntegrationEvent]) -> dict[UUID, LoanRow]:
    """The stored rows of the batch's loans, in one query."""
    loan_ids = list({event.loan_id for event in events if isinstance(event, c.CreditEvent)})
    rows = await connection.fetch(f"SELECT {', '.join(LOAN_COLUMNS)} FROM loans WHERE loan_id = ANY($1::uuid[])",
                                  loan_ids)
    return {row["loan_id"]: LoanRow(**{**dict(row), "status": LoanStatus(row["status"])}) for row in rows}
