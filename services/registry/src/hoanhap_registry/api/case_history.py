"""GET /v1/people/{person_id}/history: the write-path kit's case-history endpoint over the registry's cases (every
event in order, who and when, the state as of a time, verification; each read recorded in history_reads)."""

import uuid
from datetime import datetime
from typing import Any

import asyncpg

from hoanhap.auth import Principal
from hoanhap.eventstore import PostgresEventStore, StoredEvent
from hoanhap.person_keys import PersonKeys
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import VIETNAM
from hoanhap.working_days import WorkingCalendar
from hoanhap.write_path.history import case_history_of, history_router
from hoanhap_registry.adapters.history_reads import record_history_read
from hoanhap_registry.adapters.views import case_view
from hoanhap_registry.application.case_access import FORBIDDEN, NOT_FOUND
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.state import PersonCase, replay

router = history_router("/v1/people", case_history_of, not_found=NOT_FOUND, forbidden=FORBIDDEN,
                        id_name="person_id")


class RegistryHistory:
    """The registry's cases as the history endpoint reads them: a stream per person id, the case's place, its
    view with the identity while the person's key exists."""

    def __init__(self, pool: asyncpg.Pool, store: PostgresEventStore, keys: PersonKeys,
                 calendar: WorkingCalendar) -> None:
        self.pool = pool
        self.store = store
        self.keys = keys
        self.calendar = calendar

    def stream_of(self, record_id: uuid.UUID) -> str:
        """The person id itself names the stream."""
        return str(record_id)

    def place_of(self, events: list[StoredEvent]) -> tuple[str, str] | None:
        """Where the case is held after all its events."""
        case = case_of(events)
        return None if case is None else (case.province_code, case.commune_code)

    async def state_view(self, connection: Connection, record_id: uuid.UUID, events: list[StoredEvent],
                         as_of: datetime | None) -> dict[str, Any] | None:
        """The case as of the last of these events, overdue reckoned on the day of as_of (or today)."""
        state = case_of(events)
        key = await self.keys.fetch(connection, record_id)
        if state is None:
            return None
        today = (as_of or datetime.now(VIETNAM)).astimezone(VIETNAM).date()
        return case_view(record_id, state, len(events), key, self.calendar, today)

    async def record_read(self, connection: Connection, record_id: uuid.UUID, principal: Principal,
                          as_of: datetime | None) -> None:
        """Into history_reads."""
        await record_history_read(connection, record_id, principal, as_of)


def case_of(events: list[StoredEvent]) -> PersonCase | None:
    """The case these stored events make."""
    return replay([ev.FACTS[event.type].model_validate(event.payload) for event in events])
