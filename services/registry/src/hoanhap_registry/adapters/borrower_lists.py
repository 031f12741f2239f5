"""The borrower lists (Form 01) in PostgreSQL: a list's stream in the event store, the borrower_lists and
borrower_list_rows tables written alongside its events, and which of a commune's people are still known."""

import uuid

from hoanhap.eventstore import Alongside, PostgresEventStore, StoredEvent
from hoanhap.postgres.connections import Connection
from hoanhap_registry.domain.borrower_list_events import BorrowerListCertified, BorrowerListDrawn, list_stream
from hoanhap_registry.domain.borrower_selection import ListRow

RESIDENTS = ("SELECT person_id FROM people WHERE province_code = $1 AND commune_code = $2 AND status <> 'erased' "
             "ORDER BY person_id")
STILL_KNOWN = "SELECT person_id FROM people WHERE person_id = ANY($1::uuid[]) AND status <> 'erased'"
DRAWN = """
INSERT INTO borrower_lists (list_id, province_code, commune_code, drawn_on, drawn_by, version)
SELECT $1, $2, $3, $4, $5, $6 FROM appending
"""
ROWS = """
INSERT INTO borrower_list_rows (list_id, row_number, person_id, birth_year, village, release_type, completed_on)
SELECT $1, listed.* FROM appending,
    unnest($2::integer[], $3::uuid[], $4::integer[], $5::text[], $6::text[], $7::date[]) AS listed
"""
CERTIFIED = """
UPDATE borrower_lists SET certified_on = $2, certified_by = $3, certification_recorded_by = $4, version = $5,
    updated_at = now()
FROM appending WHERE list_id = $1
"""


class PostgresBorrowerLists:
    """BorrowerListStore over the registry's event store and tables."""

    def __init__(self, store: PostgresEventStore) -> None:
        self.store = store

    async def read_list(self, connection: Connection, list_id: uuid.UUID) -> list[StoredEvent]:
        """The list's events in order (none when never drawn)."""
        return await self.store.bound_to(connection).read_stream(list_stream(list_id))

    async def residents(self, connection: Connection, province_code: str, commune_code: str) -> list[uuid.UUID]:
        """The people the commune's cases place there now, erased people left out."""
        return [row["person_id"] for row in await connection.fetch(RESIDENTS, province_code, commune_code)]

    async def still_known(self, connection: Connection, person_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        """Those of the people not erased."""
        return {row["person_id"] for row in await connection.fetch(STILL_KNOWN, person_ids)}

    def drawn_alongside(self, drawn: BorrowerListDrawn, rows: list[ListRow], drawn_by: str) -> list[Alongside]:
        """The list and its rows, numbered from 1, written with the event that draws it."""
        return [Alongside(DRAWN, (drawn.list_id, drawn.province_code, drawn.commune_code, drawn.drawn_on, drawn_by,
                                  1)),
                Alongside(ROWS, (drawn.list_id, list(range(1, len(rows) + 1)), [row.person_id for row in rows],
                                 [row.birth_year for row in rows], [row.village for row in rows],
                                 [row.release_type.value for row in rows], [row.completed_on for row in rows]))]

    def certified_alongside(self, list_id: uuid.UUID, certified: BorrowerListCertified, recorded_by: str,
                            version: int) -> Alongside:
        """The certification, and who recorded it, written with its events."""
        return Alongside(CERTIFIED, (list_id, certified.certified_on, certified.certified_by, recorded_by, version))
