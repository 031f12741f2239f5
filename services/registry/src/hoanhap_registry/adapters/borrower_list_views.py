"""What a read of a borrower list (Form 01) answers: the list, its certification and its rows, each row with the
person's name and birth year while their key exists (an erased person's row keeps its number, without a name).
Police of the commune see their own people's names here; names never go to a log."""

import uuid
from typing import Any, Protocol

from hoanhap.postgres.connections import Connection
from hoanhap_registry.adapters.people_queries import jsonable
from hoanhap_registry.adapters.views import identity_view

HEADER = """
SELECT list_id, province_code, commune_code, drawn_on, drawn_by, certified_on, certified_by,
       certification_recorded_by
FROM borrower_lists
WHERE list_id = $1 AND province_code = $2 AND commune_code = $3
"""
ROWS = """
SELECT listed.row_number, listed.person_id, listed.birth_year, listed.village, listed.release_type,
       listed.completed_on, people.sealed_identity
FROM borrower_list_rows listed LEFT JOIN people USING (person_id)
WHERE listed.list_id = $1 ORDER BY listed.row_number
"""


class KeysOfMany(Protocol):
    async def fetch_many(self, connection: Connection, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, bytes]: ...


async def borrower_list(connection: Connection, keys: KeysOfMany, list_id: uuid.UUID, province_code: str,
                        commune_code: str) -> dict[str, Any] | None:
    """The list of this commune of the province, or None."""
    header = await connection.fetchrow(HEADER, list_id, province_code, commune_code)
    if header is None:
        return None
    rows = await connection.fetch(ROWS, list_id)
    person_keys = await keys.fetch_many(connection, [row["person_id"] for row in rows])
    certification = None if header["certified_on"] is None else {
        "certified_on": header["certified_on"].isoformat(), "certified_by": header["certified_by"],
        "recorded_by": header["certification_recorded_by"]}
    fields = ("list_id", "province_code", "commune_code", "drawn_on", "drawn_by")
    return {**jsonable({name: header[name] for name in fields}),
            "certification": certification, "rows": [row_view(row, person_keys.get(row["person_id"]))
                                                     for row in rows]}


def row_view(row: Any, key: bytes | None) -> dict[str, Any]:
    """One row: its number, the person, their name (None once erased) and the facts fixed when drawn."""
    identity = identity_view(row["sealed_identity"], key, row["person_id"])
    return jsonable({"row_number": row["row_number"], "person_id": row["person_id"],
                     "full_name": identity["full_name"] if identity else None, "birth_year": row["birth_year"],
                     "village": row["village"], "release_type": row["release_type"],
                     "completed_on": row["completed_on"]})
