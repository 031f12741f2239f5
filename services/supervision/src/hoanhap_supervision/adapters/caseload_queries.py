"""Read queries over the cases table (the state projection) and the registry's view: a commune's open cases, an
officer's, and what the registry said of one person."""

import uuid

from asyncpg import Record

from hoanhap.contracts import CaseClosureReason, ReleaseType, RiskGroup, VisitKind
from hoanhap.postgres.connections import Connection
from hoanhap_supervision.adapters.projection import COLUMNS
from hoanhap_supervision.domain.state import SupervisionCase

LAST_CONTACT_COLUMNS = {VisitKind.HOME_VISIT: "last_home_visit_on",
                        VisitKind.REPORTED_AT_COMMUNE: "last_reported_at_commune_on",
                        VisitKind.PHONE_CALL: "last_phone_call_on"}


async def open_cases(connection: Connection, province_code: str, commune_code: str) -> list[SupervisionCase]:
    """The commune's open cases (a commune supervises hundreds at most: its caseload is sorted whole)."""
    rows = await connection.fetch(f"SELECT {COLUMNS} FROM cases WHERE province_code = $1 AND commune_code = $2 "
                                  "AND closed_on IS NULL", province_code, commune_code)
    return [case_of(row) for row in rows]


async def officers_cases(connection: Connection, province_code: str, officer: str) -> list[SupervisionCase]:
    """The open cases of the province this officer is in charge of."""
    rows = await connection.fetch(f"SELECT {COLUMNS} FROM cases WHERE province_code = $1 AND officer = $2 "
                                  "AND closed_on IS NULL", province_code, officer)
    return [case_of(row) for row in rows]


async def registry_facts(connection: Connection, person_id: uuid.UUID) -> Record | None:
    """What the registry said of the person, as the case view shows it."""
    return await connection.fetchrow(
        "SELECT notified_on, confirmed_on, intake_on, reoffences, closed_on, erased FROM registry_people "
        "WHERE person_id = $1", person_id)


def case_of(row: Record) -> SupervisionCase:
    """The case a row of the cases table holds."""
    reason, group = row["closure_reason"], row["risk_group"]
    return SupervisionCase(
        person_id=row["person_id"], province_code=row["province_code"], commune_code=row["commune_code"],
        opened_on=row["opened_on"], release_type=ReleaseType(row["release_type"]), release_date=row["release_date"],
        supervision_ends_on=row["supervision_ends_on"], reassessment_due_on=row["reassessment_due_on"],
        risk_group=None if group is None else RiskGroup(group), assessed_on=row["assessed_on"],
        last_contacts={kind: row[column] for kind, column in LAST_CONTACT_COLUMNS.items() if row[column]},
        closed_on=row["closed_on"], closure_reason=None if reason is None else CaseClosureReason(reason),
        notes_erased=row["notes_erased"], officer=row["officer"])
