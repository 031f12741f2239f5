"""Writing a folded batch of registry events: new releases, residence spells, closures, erasures and reoffences,
one statement each (the fold kept the last value per key)."""

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.projecting.upserts import Upsert
from hoanhap_stats.registry.fold import RegistryWrites
from hoanhap_stats.registry.people import spells

RELEASE_COLUMNS = ("person_id", "province_code", "commune_code", "release_type", "release_date", "age_at_release",
                   "sex", "offence_articles")
REOFFENCES = Upsert("reoffences", {"reoffence_id": "uuid", "person_id": "uuid", "committed_on": "date",
                                   "status": "text"}, key="reoffence_id", replaced=("committed_on", "status"))
RESIDENCES = Upsert("residences", {"person_id": "uuid", "since": "date", "until": "date", "first": "boolean",
                                   "province_code": "text", "commune_code": "text"}, key="person_id, since",
                    replaced=("until", "first", "province_code", "commune_code"))


async def write_registry_rows(connection: Connection, writes: RegistryWrites) -> None:
    """New releases first, then the changes to people, then reoffences: one statement each, when there are any."""
    if writes.releases:
        await insert_releases(connection, list(writes.releases.values()))
    await RESIDENCES.write(connection, [(person_id, spell.since, spell.until, spell.first, *spell.place)
                                        for person_id, residences in writes.residences.items()
                                        for spell in spells(residences)])
    if writes.closures:
        await connection.execute(
            "UPDATE releases r SET closed_on = u.closed_on FROM unnest($1::uuid[], $2::date[]) AS u (person_id, "
            "closed_on) WHERE r.person_id = u.person_id", list(writes.closures), list(writes.closures.values()))
    if writes.erasures:
        await connection.execute(
            "UPDATE releases r SET age_at_release = NULL, sex = NULL, erased = true, "
            "erased_on = coalesce(r.erased_on, u.erased_on) FROM unnest($1::uuid[], $2::date[]) AS u (person_id, "
            "erased_on) WHERE r.person_id = u.person_id", list(writes.erasures), list(writes.erasures.values()))
    await REOFFENCES.write(connection, [(event.reoffence_id, event.person_id, event.committed_on, event.status.value)
                                        for event in writes.reoffences.values()])


async def insert_releases(connection: Connection, releases: list[c.ReleaseRegistered]) -> None:
    """COPY the new releases in (the fold only adds people the read models did not hold)."""
    await connection.copy_records_to_table("releases", columns=RELEASE_COLUMNS, records=[
        (event.person_id, event.province_code, event.commune_code, event.release_type.value, event.release_date,
         event.age_at_release, event.sex.value, list(event.offence_articles)) for event in releases])

