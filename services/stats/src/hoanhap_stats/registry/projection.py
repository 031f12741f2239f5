"""The registry's events projected into stats' read models: each batch folded in memory (fold.py) over what the
read models hold of its people, then written with one statement per table (rows.py), in the transaction that also
records the batch as processed (projecting/batch.py)."""

from collections.abc import Sequence
from uuid import UUID

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.figures.selection import COUNTED_REOFFENCE
from hoanhap_stats.projecting.batch import BatchProjection
from hoanhap_stats.projecting.commune_totals import Delta
from hoanhap_stats.registry.fold import fold
from hoanhap_stats.registry.people import KnownPerson
from hoanhap_stats.registry.rows import write_registry_rows


async def write_registry_batch(connection: Connection, envelopes: Sequence[c.Envelope]) -> list[Delta]:
    """The batch folded over what the read models hold of its people, and its rows written; its figure changes."""
    events = [envelope.data for envelope in envelopes]
    writes = fold(await known_people(connection, events), events)
    await write_registry_rows(connection, writes)
    return writes.deltas


project_registry_events = BatchProjection(write_registry_batch)


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
