"""The supervision service's events projected into stats' read models: each batch folded in memory (fold.py) over
what the read models hold of its cases, then written with one statement per table (rows.py), in the transaction that
also records the batch as processed (projecting/batch.py)."""

from collections.abc import Sequence

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.projecting.batch import BatchProjection
from hoanhap_stats.projecting.commune_totals import Delta
from hoanhap_stats.supervision.fold import CaseRow, KnownCases, fold
from hoanhap_stats.supervision.rows import CASES, write_supervision_rows


async def write_supervision_batch(connection: Connection, envelopes: Sequence[c.Envelope]) -> list[Delta]:
    """The batch folded over what the read models hold of its cases, and its rows written; its figure changes."""
    writes = fold(await known_cases(connection, envelopes), list(envelopes))
    await write_supervision_rows(connection, writes)
    return writes.deltas


project_supervision_events = BatchProjection(write_supervision_batch)


async def known_cases(connection: Connection, envelopes: Sequence[c.Envelope]) -> KnownCases:
    """The stored rows of the batch's cases and which of its visits are stored already, in two queries."""
    events = [envelope.data for envelope in envelopes if isinstance(envelope.data, c.SupervisionCaseEvent)]
    case_ids = list({event.case_id for event in events})
    visit_ids = list({event.visit_id for event in events if isinstance(event, c.VisitLogged)})
    rows = await connection.fetch(
        f"SELECT {', '.join(CASES.columns)} FROM supervision_cases WHERE case_id = ANY($1::uuid[])", case_ids)
    stored_visits = await connection.fetch(
        "SELECT visit_id FROM supervision_visits WHERE visit_id = ANY($1::uuid[])", visit_ids) if visit_ids else []
    return KnownCases(cases={row["case_id"]: CaseRow(**dict(row)) for row in rows},
                      visit_ids={row["visit_id"] for row in stored_visits})
