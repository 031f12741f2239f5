"""The registry's events projected into stats' read models: each batch folded in memory, then written with one
statement per table, in the transaction that also records the batch as processed."""

from collections.abc import Sequence
from uuid import UUID

import hoanhap.contracts as c
from hoanhap.eventstore.connections import Connection
from hoanhap_stats.counters import apply_deltas
from hoanhap_stats.read_models import begin_projection
from hoanhap_stats.registry_batch import KnownPerson, RegistryWrites, fold
from hoanhap_stats.upserts import Upsert

RELEASE_COLUMNS = ("person_id", "province_code", "commune_code", "release_type", "release_date", "age_at_release",
                   "sex", "offence_articles")
REOFFENCES = Upsert("reoffences", {"reoffence_id": "uuid", "person_id": "uuid", "committed_on": "date",
                                   "status": "text"}, key="reoffence_id", replaced=("committed_on", "status"))


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
    """The read models' facts about every person the events are about, in two queries."""
    people = list({event.person_id for event in events if isinstance(event, c.RegistryEvent)})
    rows = await connection.fetch(
        "SELECT person_id, province_code, commune_code, closed_on IS NOT NULL AS closed FROM releases "
        "WHERE person_id = ANY($1::uuid[])", people)
    known = {row["person_id"]: KnownPerson(row["province_code"], row["commune_code"], row["closed"])
             for row in rows}
    for row in await connection.fetch("SELECT person_id, reoffence_id FROM reoffences WHERE person_id = ANY($1)",
                                      list(known)):
        known[row["person_id"]].reoffence_ids.add(row["reoffence_id"])
    return known


async def write(connection: Connection, writes: RegistryWrites) -> None:
    """New releases first, then the changes to people, then reoffences: one statement each, when there are any."""
    if writes.releases:
        await insert_releases(connection, list(writes.releases.values()))
    if writes.places:
        await connection.execute(
            "UPDATE releases r SET province_code = u.province_code, commune_code = u.commune_code "
            "FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u (person_id, province_code, commune_code) "
            "WHERE r.person_id = u.person_id",
            list(writes.places), [place[0] for place in writes.places.values()],
            [place[1] for place in writes.places.values()])
    if writes.closures:
        await connection.execute(
            "UPDATE releases r SET closed_on = u.closed_on FROM unnest($1::uuid[], $2::date[]) AS u (person_id, "
            "closed_on) WHERE r.person_id = u.person_id", list(writes.closures), list(writes.closures.values()))
    if writes.erasures:
        await connection.execute("UPDATE releases SET age_at_release = NULL, sex = NULL, erased = true "
                                 "WHERE person_id = ANY($1::uuid[])", list(writes.erasures))
    await REOFFENCES.write(connection, [(event.reoffence_id, event.person_id, event.committed_on, event.status.value)
                                        for event in writes.reoffences.values()])


async def insert_releases(connection: Connection, releases: list[c.ReleaseRegistered]) -> None:
    """COPY the new releases in (the fold only adds people the read models did not hold)."""
    await connection.copy_records_to_table("releases", columns=RELEASE_COLUMNS, records=[
        (event.person_id, event.province_code, event.commune_code, event.release_type.value, event.release_date,
         event.age_at_release, event.sex.value, list(event.offence_articles)) for event in releases])

