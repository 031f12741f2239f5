"""Credit's own view of the registry: the registry_people and registry_reoffences tables, each event folded by the
domain (registry_person.folded) into the person's row; a person folded to nothing (erased) is deleted."""

import uuid

from hoanhap import contracts as c
from hoanhap.contracts import ReleaseType
from hoanhap.contracts.registry.choices import ReoffenceStatus
from hoanhap.postgres.connections import Connection
from hoanhap_credit.domain.registry_person import RecordedReoffence, RegistryPerson, folded

PERSON = ("SELECT person_id, province_code, commune_code, release_type, release_date, supervision_ends_on, "
          "closed_on FROM registry_people WHERE person_id = $1")
REOFFENCES = ("SELECT reoffence_id, committed_on, status FROM registry_reoffences WHERE person_id = $1 "
              "ORDER BY committed_on, reoffence_id::text")
SAVE = """
INSERT INTO registry_people (person_id, province_code, commune_code, release_type, release_date,
                             supervision_ends_on, closed_on)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (person_id) DO UPDATE SET province_code = EXCLUDED.province_code,
    commune_code = EXCLUDED.commune_code, closed_on = EXCLUDED.closed_on, updated_at = now()
"""
SAVE_REOFFENCE = """
INSERT INTO registry_reoffences (reoffence_id, person_id, committed_on, status) VALUES ($1, $2, $3, $4)
ON CONFLICT (reoffence_id) DO UPDATE SET committed_on = EXCLUDED.committed_on, status = EXCLUDED.status
"""
FORGET = "DELETE FROM registry_people WHERE person_id = $1"  # its reoffences go with it (ON DELETE CASCADE)


class PostgresRegistryView:
    """The registry view over credit's tables."""

    async def record(self, connection: Connection, event: c.RegistryEvent) -> None:
        """Fold one registry event into the person's rows."""
        before = await self.person(connection, event.person_id)
        after = folded(before, event)
        if after is None:
            await connection.execute(FORGET, event.person_id)
        elif after != before:
            await self._save(connection, after)

    async def person(self, connection: Connection, person_id: uuid.UUID) -> RegistryPerson | None:
        """What the registry said of the person (None when credit knows nothing of them)."""
        row = await connection.fetchrow(PERSON, person_id)
        if row is None:
            return None
        reoffences = tuple(RecordedReoffence(item["reoffence_id"], item["committed_on"],
                                             ReoffenceStatus(item["status"]))
                           for item in await connection.fetch(REOFFENCES, person_id))
        return RegistryPerson(row["person_id"], row["province_code"], row["commune_code"],
                              ReleaseType(row["release_type"]), row["release_date"], row["supervision_ends_on"],
                              row["closed_on"], reoffences)

    async def _save(self, connection: Connection, person: RegistryPerson) -> None:
        await connection.execute(SAVE, person.person_id, person.province_code, person.commune_code,
                                 person.release_type.value, person.release_date, person.supervision_ends_on,
                                 person.closed_on)
        await connection.executemany(SAVE_REOFFENCE, [
            (item.reoffence_id, person.person_id, item.committed_on, item.status.value)
            for item in person.reoffences])
