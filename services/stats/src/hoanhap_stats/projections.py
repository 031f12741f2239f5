"""The registry's events projected into stats' read models, one batch per transaction with its tracking rows."""

from collections.abc import Sequence

import hoanhap.contracts as c
from hoanhap.eventstore.connections import Connection
from hoanhap_stats.feed import announce, record_change
from hoanhap_stats.lag import record_lag
from hoanhap_stats.read_models import hold_off_switch


async def project_registry_events(connection: Connection, envelopes: Sequence[c.Envelope]) -> None:
    """Apply each event in order (the tracked consumer gives each one once), with its changes on the feed."""
    await hold_off_switch(connection)
    for envelope in envelopes:
        await project(connection, envelope.data)
        for figure, province_code, commune_code in await changed_figures(connection, envelope.data):
            await record_change(connection, figure, province_code, commune_code)
    await announce(connection)
    record_lag(envelopes)


async def changed_figures(connection: Connection, event: c.IntegrationEvent) -> list[tuple[str, str, str]]:
    """The commune figures an event changed: (figure, province code, commune code)."""
    match event:
        case c.ReleaseRegistered():
            return [("people_managed", event.province_code, event.commune_code)]
        case c.ResidenceChanged():
            return [(figure, province, commune) for figure in ("people_managed", "reoffences") for province, commune
                    in ((event.previous_province_code, event.previous_commune_code),
                        (event.province_code, event.commune_code))]
        case c.ReoffenceRecorded() | c.CaseClosed():
            place = await connection.fetchrow("SELECT province_code, commune_code FROM releases WHERE person_id = $1",
                                              event.person_id)
            figure = "reoffences" if isinstance(event, c.ReoffenceRecorded) else "people_managed"
            return [] if place is None else [(figure, place["province_code"], place["commune_code"])]
    return []


async def project(connection: Connection, event: c.IntegrationEvent) -> None:
    """One event's effect on the read models; events stats does not count change nothing."""
    match event:
        case c.ReleaseRegistered():
            await connection.execute(
                "INSERT INTO releases (person_id, province_code, commune_code, release_type, release_date, "
                "birth_year, sex, offence_articles) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                "ON CONFLICT (person_id) DO NOTHING", event.person_id, event.province_code, event.commune_code,
                event.release_type.value, event.release_date, event.birth_year, event.sex.value,
                list(event.offence_articles))
        case c.ResidenceChanged():
            await connection.execute("UPDATE releases SET province_code = $2, commune_code = $3 WHERE person_id = $1",
                                     event.person_id, event.province_code, event.commune_code)
        case c.ReoffenceRecorded():
            await connection.execute(
                "INSERT INTO reoffences (reoffence_id, person_id, committed_on, status) VALUES ($1, $2, $3, $4) "
                "ON CONFLICT (reoffence_id) DO UPDATE SET committed_on = EXCLUDED.committed_on, "
                "status = EXCLUDED.status", event.reoffence_id, event.person_id, event.committed_on, event.status.value)
        case c.CaseClosed():
            await connection.execute("UPDATE releases SET closed_on = $2 WHERE person_id = $1",
                                     event.person_id, event.closed_on)
        case c.PersonErased():
            await connection.execute("UPDATE releases SET birth_year = NULL, sex = NULL, erased = true "
                                     "WHERE person_id = $1", event.person_id)
