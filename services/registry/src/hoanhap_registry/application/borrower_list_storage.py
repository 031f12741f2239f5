"""What the borrower-list use cases need from storage (adapters/borrower_lists.py fills it in)."""

import uuid
from typing import Protocol

from hoanhap.eventstore import Alongside, StoredEvent
from hoanhap.postgres.connections import Connection
from hoanhap_registry.domain.borrower_list_events import BorrowerListCertified, BorrowerListDrawn
from hoanhap_registry.domain.borrower_selection import ListRow


class BorrowerListStore(Protocol):
    """A list's stream, its tables, and the commune's people."""

    async def read_list(self, connection: Connection, list_id: uuid.UUID) -> list[StoredEvent]:
        """The list's events in order (none when never drawn)."""

    async def residents(self, connection: Connection, province_code: str, commune_code: str) -> list[uuid.UUID]:
        """The people the commune's cases place there now, erased people left out."""

    async def still_known(self, connection: Connection, person_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        """Those of the people not erased."""

    def drawn_alongside(self, drawn: BorrowerListDrawn, rows: list[ListRow], drawn_by: str) -> list[Alongside]:
        """The list and its rows, written with the event that draws it."""

    def certified_alongside(self, list_id: uuid.UUID, certified: BorrowerListCertified, recorded_by: str,
                            version: int) -> Alongside:
        """The certification, and who recorded it, written with its events."""
