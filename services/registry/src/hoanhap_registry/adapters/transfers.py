"""Transfer requests: a release registered by a commune while the person is already a case of another jurisdiction.

The registering officer is told that a transfer was requested, never the person's id nor where the case is held,
so a registration cannot be used to find out where someone lives. The holding commune lists the requests on its
cases (GET /v1/communes/{commune_code}/transfer-requests) and, when the person has indeed moved, transfers the case
with a residence change to the requested commune; from then on the requesting commune sees the case. A request
that was answered, or whose case closed, leaves the list by itself.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection

REQUESTED = ("already a case of another jurisdiction: a transfer to your commune was requested from it, which "
             "transfers the case (a residence change) when the person has moved; you will then see it")


@dataclass(frozen=True)
class Holding:
    """Where an existing case is held."""

    person_id: uuid.UUID
    province_code: str
    commune_code: str

    def visible_to(self, principal: Principal) -> bool:
        """True when the caller may see the case."""
        return principal.can_access(self.province_code, self.commune_code)


async def holdings(connection: Connection, person_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Holding]:
    """Where each of these cases is held (cases not yet in the people table are left out)."""
    rows = await connection.fetch("SELECT person_id, province_code, commune_code FROM people "
                                  "WHERE person_id = ANY($1::uuid[])", list(person_ids))
    return {row["person_id"]: Holding(row["person_id"], row["province_code"], row["commune_code"]) for row in rows}


async def request_transfer(connection: Connection, person_id: uuid.UUID, province_code: str, commune_code: str,
                           principal: Principal) -> uuid.UUID:
    """Ask the holding jurisdiction to transfer the case to the commune; the same request twice is one request."""
    request_id: uuid.UUID = await connection.fetchval(
        "INSERT INTO transfer_requests (request_id, person_id, province_code, commune_code, requested_by) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (person_id, province_code, commune_code) "
        "DO UPDATE SET requested_by = transfer_requests.requested_by RETURNING request_id",
        uuid.uuid4(), person_id, province_code, commune_code, principal.caller_scope)
    return request_id


async def open_requests(connection: Connection, province_code: str, commune_code: str) -> list[dict[str, Any]]:
    """The requests on the commune's open cases that still name another commune, oldest first."""
    rows = await connection.fetch(
        "SELECT t.request_id, t.person_id, t.province_code, t.commune_code, t.requested_at "
        "FROM transfer_requests t JOIN people p USING (person_id) "
        "WHERE p.province_code = $1 AND p.commune_code = $2 AND p.status = 'open' "
        "AND (t.province_code, t.commune_code) <> (p.province_code, p.commune_code) ORDER BY t.requested_at",
        province_code, commune_code)
    return [{"request_id": str(row["request_id"]), "person_id": str(row["person_id"]),
             "to_province_code": row["province_code"], "to_commune_code": row["commune_code"],
             "requested_at": row["requested_at"].isoformat()} for row in rows]
