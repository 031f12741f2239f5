"""The credit service's events projected into stats' loan read models: each batch folded in memory (fold.py) over
the stored rows of its loans, then written with a statement per table (rows.py), in the transaction that also
records the batch as processed (projecting/batch.py)."""

from collections.abc import Sequence
from uuid import UUID

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.credit.fold import fold
from hoanhap_stats.credit.loans import LoanRow, LoanStatus
from hoanhap_stats.credit.rows import LOAN_COLUMNS, write_loan_rows
from hoanhap_stats.projecting.batch import BatchProjection
from hoanhap_stats.projecting.commune_totals import Delta


async def write_credit_batch(connection: Connection, envelopes: Sequence[c.Envelope]) -> list[Delta]:
    """The batch folded over the stored rows of its loans, and the loans it changed written; its figure changes."""
    events = [envelope.data for envelope in envelopes]
    writes = fold(await known_loans(connection, events), events)
    await write_loan_rows(connection, writes)
    return writes.deltas


project_credit_events = BatchProjection(write_credit_batch)


async def known_loans(connection: Connection, events: list[c.IntegrationEvent]) -> dict[UUID, LoanRow]:
    """The stored rows of the batch's loans, in one query."""
    loan_ids = list({event.loan_id for event in events if isinstance(event, c.CreditEvent)})
    rows = await connection.fetch(f"SELECT {', '.join(LOAN_COLUMNS)} FROM loans WHERE loan_id = ANY($1::uuid[])",
                                  loan_ids)
    return {row["loan_id"]: LoanRow(**{**dict(row), "status": LoanStatus(row["status"])}) for row in rows}
