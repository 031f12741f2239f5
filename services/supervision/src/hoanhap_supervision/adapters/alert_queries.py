"""The registry's facts the alerts read: the commune's people whose residence is still unconfirmed."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from hoanhap.postgres.connections import Connection


@dataclass(frozen=True)
class Unconfirmed:
    """A person notified to the commune whose residence the registry has not said is confirmed."""

    person_id: UUID
    notified_on: date


async def unconfirmed_residences(connection: Connection, province_code: str, commune_code: str
                                 ) -> list[Unconfirmed]:
    """The commune's people still managed (not closed, not erased) with no confirmation of residence yet."""
    rows = await connection.fetch(
        "SELECT person_id, notified_on FROM registry_people WHERE province_code = $1 AND commune_code = $2 "
        "AND confirmed_on IS NULL AND closed_on IS NULL AND NOT erased", province_code, commune_code)
    return [Unconfirmed(row["person_id"], row["notified_on"]) for row in rows]
