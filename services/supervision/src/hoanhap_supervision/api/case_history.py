"""GET /v1/people/{person_id}/history: the write-path kit's case-history endpoint over supervision's cases (every
event in order, who and when, the state as of a time, verification; each read recorded in history_reads). Sealed
texts are never shown in it."""

import uuid
from datetime import datetime
from typing import Any

import asyncpg

from hoanhap.auth import Principal
from hoanhap.eventstore import PostgresEventStore, StoredEvent
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import VIETNAM
from hoanhap.write_path.history import NOT_SHOWN, case_history_of, history_router
from hoanhap_supervision.adapters.history_reads import record_history_read
from hoanhap_supervision.adapters.views import case_view
from hoanhap_supervision.application.supervision import FORBIDDEN, NOT_FOUND, case_of
from hoanhap_supervision.domain.case_identity import stream_of
from hoanhap_supervision.domain.events import SEALED_FIELDS
from hoanhap_supervision.domain.rules import SupervisionRules

router = history_router("/v1/people", case_history_of, not_found=NOT_FOUND, forbidden=FORBIDDEN,
                        id_name="person_id", not_shown=NOT_SHOWN | SEALED_FIELDS)


class SupervisionHistory:
    """Supervision's cases as the history endpoint reads them: a stream per person id, the case's place now."""

    def __init__(self, pool: asyncpg.Pool, store: PostgresEventStore, rules: SupervisionRules) -> None:
        self.pool = pool
        self.store = store
        self.rules = rules

    def stream_of(self, record_id: uuid.UUID) -> str:
        """The person id names the stream."""
        return stream_of(record_id)

    def place_of(self, events: list[StoredEvent]) -> tuple[str, str] | None:
        """Where the case is held after all its events."""
        case = case_of(events)
        return None if case is None else (case.province_code, case.commune_code)

    async def state_view(self, connection: Connection, record_id: uuid.UUID, events: list[StoredEvent],
                         as_of: datetime | None) -> dict[str, Any] | None:
        """The case as of the last of these events, what is due reckoned on the day of as_of (or today)."""
        case = case_of(events)
        if case is None:
            return None
        today = (as_of or datetime.now(VIETNAM)).astimezone(VIETNAM).date()
        return case_view(case, len(events), self.rules, today, None)

    async def record_read(self, connection: Connection, record_id: uuid.UUID, principal: Principal,
                          as_of: datetime | None) -> None:
        """Into history_reads."""
        await record_history_read(connection, record_id, principal, as_of)
