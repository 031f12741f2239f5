"""The supervision service's events projected into stats' read models: each batch folded in memory, then written
with one statement per table, in the transaction that also records the batch as processed."""

from collections.abc import Sequence

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.counters import apply_deltas
from hoanhap_stats.read_models import begin_projection
from hoanhap_stats.supervision_batch import CaseRow, KnownCases, fold
from hoanhap_stats.supervision_rows import CASES, write_supervision_rows


async def project_supervision_events(connection: Connection, envelopes: Sequence[c.Envelope],
                                    replaying: bool = False) -> None:
    """Apply the batch's events as if one by one (the tracked consumer gives each one once), changes on the feed
    unless replaying into a fresh schema."""
    await begin_projection(connection)
    writes = fold(await known_cases(connection, envelopes), list(envelopes))
    await write_supervision_rows(connection, writes)
    await apply_deltas(connection, envelopes, writes.deltas, replaying)


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
