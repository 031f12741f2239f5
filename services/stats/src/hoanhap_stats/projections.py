"""The registry's events projected into stats' read models: each batch folded in memory, then written with one
statement per table, in the transaction that also records the batch as processed."""

from collections.abc import Sequence
from uuid import UUID

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.counters import apply_deltas
from hoanhap_stats.read_models import begin_projection
from hoanhap_stats.registry_batch import KnownPerson, RegistryWrites, fold, spells
from hoanhap_stats.selection import COUNTED_REOFFENCE
from hoanhap_stats.upserts import Upsert

RELEASE_COLUMNS = ("person_id", "province_code", "commune_code", "release_type", "release_date", "age_at_release",
                   "sex", "offence_articles")
REOFFENCES = Upsert("reoffences", {"reoffence_id": "uuid", "person_id": "uuid", "committed_on": "date",
                                   "status": "text"}, key="reoffence_id", replaced=("committed_on", "status"))
RESIDENCES = Upsert("residences", {"person_id": "uuid", "since": "date", "until": "date", "first": "boolean",
                                   "province_code": "text", "commune_code": "text"}, key="person_id, since",
                    replaced=("until", "first", "province_code", "commune_code"))


async def project_registry_events(connection: Connection, envelopes: Sequence[c.Envelope],
                                 replaying: bool = False) -> None:
    """Apply the batch's events as if one by one (the tracked consumer gives each one once), changes on the feed
    unless replaying into a fresh schema."""
    await begin_projection(connection)
    events = [envelope.data for envelope in envelopes]
    writes = fold(await known_people(connection, events), events)
    await write(connection, writes)
    await apply_deltas(connection, envelopes, writes.deltas, replaying)


async def known_people(connection: Connection, events: list[c.IntegrationEvent]) -> dict[UUID, KnownPerson]:
    """The read models' facts about every person the events are about, in three queries."""
    people = list({event.person_id for event in events if isinstance(event, c.RegistryEvent)})
    rows = await connection.fetch(
        "SELECT person_id, release_date, province_code, commune_code, closed_on IS NOT NULL AS closed, erased "
        "FROM releases WHERE person_id = ANY($1::uuid[])", people)
    known = {row["person_id"]: KnownPerson({row["release_date"]: (row["province_code"], row["commune_code"])},
                                           row["closed"], row["erased"]) for row in rows}
    for row in await connection.fetch("SELECT person_id, since, province_code, commune_code FROM residences "
                                      "WHERE person_id = ANY($1::uuid[])", list(known)):
        known[row["person_id"]].residences[row["since"]] = (row["province_code"], row["commune_code"])
    for row in await connection.fetch(f"SELECT person_id, reoffence_id, committed_on FROM reoffences o "
                                      f"WHERE person_id = ANY($1::uuid[]) AND {COUNTED_REOFFENCE}", list(known)):
        known[row["person_id"]].reoffences[row["reoffence_id"]] = row["committed_on"]
    return known


async def write(connection: Connection, writes: RegistryWrites) -> None:
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

