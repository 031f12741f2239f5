"""Credit's own view of the registry: the registry_people and registry_reoffences tables, each event folded by the
domain (registry_person.folded) into the person's row; a person folded to nothing (erased) is deleted."""

import uuid
from dataclasses import replace
from typing import Any

from hoanhap import contracts as c
from hoanhap.contracts import ReleaseType
from hoanhap.contracts.registry.choices import ReoffenceStatus
from hoanhap.postgres.connections import Connection
from hoanhap_credit.domain.registry_person import (
    CertifiedListing,
    RecordedReoffence,
    RegistryPerson,
    folded,
    listing_of,
)

PERSON = ("SELECT person_id, province_code, registry_people.commune_code, release_type, release_date, "
          "supervision_ends_on, closed_on, list_id, registry_listings.commune_code AS listed_in, certified_on "
          "FROM registry_people LEFT JOIN registry_listings USING (person_id) WHERE person_id = $1")
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
SAVE_LISTING = """
INSERT INTO registry_listings (person_id, list_id, commune_code, certified_on) VALUES ($1, $2, $3, $4)
ON CONFLICT (person_id) DO UPDATE SET list_id = EXCLUDED.list_id, commune_code = EXCLUDED.commune_code,
    certified_on = EXCLUDED.certified_on
"""
COMMUNE_LIST = """
INSERT INTO commune_lists (list_id, commune_code, certified_on) VALUES ($1, $2, $3) ON CONFLICT (list_id) DO NOTHING
"""
LATEST_LIST = "SELECT max(certified_on) FROM commune_lists WHERE commune_code = $1"
FORGET = "DELETE FROM registry_people WHERE person_id = $1"  # its reoffences and listing go with it (CASCADE)


class PostgresRegistryView:
    """The registry view over credit's tables."""

    async def record(self, connection: Connection, event: c.RegistryEvent) -> None:
        """Fold one registry event into the person's rows; a certified list is the commune's whoever is on it."""
        if isinstance(event, c.CommuneListingCertified):
            await connection.execute(COMMUNE_LIST, event.list_id, event.commune_code, event.certified_on)
        before = await self.folded_person(connection, event.person_id)
        after = folded(before, event)
        if after is None:
            await connection.execute(FORGET, event.person_id)
        elif after != before:
            await self._save(connection, after)

    async def person(self, connection: Connection, person_id: uuid.UUID) -> RegistryPerson | None:
        """What the registry said of the person (None when credit knows nothing of them), with their listing as
        it counts for an application: of the commune they live in now, on its latest certified list."""
        person = await self.folded_person(connection, person_id)
        if person is None or person.certified_listing is None:
            return person
        latest = await connection.fetchval(LATEST_LIST, person.commune_code)
        return replace(person, listing=listing_of(person, latest))

    async def folded_person(self, connection: Connection, person_id: uuid.UUID) -> RegistryPerson | None:
        """The person as the registry's events folded them, without the listing an application counts."""
        row = await connection.fetchrow(PERSON, person_id)
        if row is None:
            return None
        reoffences = tuple(RecordedReoffence(item["reoffence_id"], item["committed_on"],
                                             ReoffenceStatus(item["status"]))
                           for item in await connection.fetch(REOFFENCES, person_id))
        return RegistryPerson(row["person_id"], row["province_code"], row["commune_code"],
                              ReleaseType(row["release_type"]), row["release_date"], row["supervision_ends_on"],
                              row["closed_on"], reoffences, listed(row))

    async def _save(self, connection: Connection, person: RegistryPerson) -> None:
        await connection.execute(SAVE, person.person_id, person.province_code, person.commune_code,
                                 person.release_type.value, person.release_date, person.supervision_ends_on,
                                 person.closed_on)
        if (entry := person.certified_listing) is not None:
            await connection.execute(SAVE_LISTING, person.person_id, entry.list_id, entry.commune_code,
                                     entry.certified_on)
        await connection.executemany(SAVE_REOFFENCE, [
            (item.reoffence_id, person.person_id, item.committed_on, item.status.value)
            for item in person.reoffences])


def listed(row: Any) -> CertifiedListing | None:
    """The person's entry on a certified commune list, if the row has one."""
    return None if row["list_id"] is None else CertifiedListing(row["list_id"], row["listed_in"], row["certified_on"])
