"""Supervision's own view of the registry: the registry_people and registry_reoffences tables, folded from the
registry topic's events (no name, no free text ever reaches them)."""

import uuid

from hoanhap import contracts as c
from hoanhap.contracts import ReleaseType
from hoanhap.postgres.connections import Connection
from hoanhap.working_days.calendar_periods import months_after
from hoanhap.write_path.idempotency import forget_answers_about
from hoanhap_supervision.domain.registry_person import RegistryPerson

RELEASED = """
INSERT INTO registry_people (person_id, province_code, commune_code, release_type, release_date,
                             supervision_ends_on, notified_on)
VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (person_id) DO NOTHING
"""
REOFFENDED = """
INSERT INTO registry_reoffences (reoffence_id, person_id, committed_on, status) VALUES ($1, $2, $3, $4)
ON CONFLICT (reoffence_id) DO UPDATE SET committed_on = EXCLUDED.committed_on, status = EXCLUDED.status
"""
STANDING = ("(SELECT count(*) FROM registry_reoffences o WHERE o.person_id = $1 "
            f"AND o.status <> '{c.ReoffenceStatus.ARREST_WITHDRAWN.value}')")
UPDATES = {
    c.ResidenceConfirmed: "confirmed_on = $2",
    c.IntakeRecorded: "intake_on = $2",
    c.ResidenceChanged: "province_code = $2, commune_code = $3",
    c.CaseClosed: "closed_on = $2",
    c.PersonErased: "erased = true",
}


class PostgresRegistryView:
    """RegistryView over the service's tables."""

    async def record(self, connection: Connection, event: c.IntegrationEvent) -> None:
        """Fold one registry event into the view."""
        match event:
            case c.ReleaseRegistered():
                ends_on = None if event.supervision_months is None else months_after(event.release_date,
                                                                                     event.supervision_months)
                await connection.execute(RELEASED, event.person_id, event.province_code, event.commune_code,
                                         event.release_type.value, event.release_date, ends_on, event.notified_on)
            case c.ReoffenceRecorded():
                await connection.execute(REOFFENDED, event.reoffence_id, event.person_id, event.committed_on,
                                         event.status.value)
                await self._update(connection, event.person_id, f"reoffences = {STANDING}")
            case c.ResidenceConfirmed():
                await self._update(connection, event.person_id, UPDATES[c.ResidenceConfirmed], event.confirmed_on)
            case c.IntakeRecorded():
                await self._update(connection, event.person_id, UPDATES[c.IntakeRecorded], event.commitment_on)
            case c.ResidenceChanged():
                await self._update(connection, event.person_id, UPDATES[c.ResidenceChanged], event.province_code,
                                   event.commune_code)
            case c.CaseClosed():
                await self._update(connection, event.person_id, UPDATES[c.CaseClosed], event.closed_on)
            case c.PersonErased():
                await self._update(connection, event.person_id, UPDATES[c.PersonErased])

    async def person(self, connection: Connection, person_id: uuid.UUID) -> RegistryPerson | None:
        """What the registry said of a person still managed (None when unknown, closed or erased)."""
        row = await connection.fetchrow(
            "SELECT person_id, province_code, commune_code, release_type, release_date, supervision_ends_on "
            "FROM registry_people WHERE person_id = $1 AND closed_on IS NULL AND NOT erased", person_id)
        if row is None:
            return None
        return RegistryPerson(row["person_id"], row["province_code"], row["commune_code"],
                              ReleaseType(row["release_type"]), row["release_date"], row["supervision_ends_on"])

    async def forget(self, connection: Connection, person_id: uuid.UUID) -> None:
        """Erasure: the remembered answers about the person go (their fingerprints were of their notes)."""
        await forget_answers_about(connection, person_id)

    async def _update(self, connection: Connection, person_id: uuid.UUID, assignments: str, *values: object) -> None:
        await connection.execute(f"UPDATE registry_people SET {assignments}, updated_at = now() "  # noqa: S608
                                 "WHERE person_id = $1", person_id, *values)
