"""The people table: each case's current state, rewritten by the statement that appends its events."""

import uuid

from hoanhap.eventstore import Alongside
from hoanhap.working_days import WorkingCalendar, confirm_due_on
from hoanhap_registry.domain.state import PersonCase

UPSERT = """
INSERT INTO people (person_id, version, national_id_digest, sealed_identity, province_code, commune_code, village,
                    birth_year, sex, offence_articles, release_type, release_date, notified_on, confirmation_due_on,
                    confirmed_on, intake_done, reoffences, status)
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18 FROM appending
ON CONFLICT (person_id) DO UPDATE SET
    version = EXCLUDED.version,
    national_id_digest = CASE WHEN EXCLUDED.status = 'erased' THEN NULL
                              ELSE coalesce(EXCLUDED.national_id_digest, people.national_id_digest) END,
    sealed_identity = EXCLUDED.sealed_identity, province_code = EXCLUDED.province_code,
    commune_code = EXCLUDED.commune_code, village = EXCLUDED.village, confirmed_on = EXCLUDED.confirmed_on,
    intake_done = EXCLUDED.intake_done, reoffences = EXCLUDED.reoffences, status = EXCLUDED.status,
    updated_at = now()
"""


def status_of(case: PersonCase) -> str:
    """open, closed or erased."""
    if case.erased_on is not None:
        return "erased"
    return "open" if case.closure is None else "closed"


def projection_alongside(person_id: uuid.UUID, case: PersonCase, version: int, calendar: WorkingCalendar,
                         lookup_digest: str | None = None) -> Alongside:
    """Writing the case's current state alongside its events. The lookup digest of the citizen ID is given when the
    case opens (no event holds it) and kept until erasure, which drops it with the sealed identity."""
    release = case.release
    erased = case.erased_on is not None
    return Alongside(UPSERT, (
        person_id, version, None if erased else lookup_digest,
        None if erased else release.sealed_identity, case.province_code, case.commune_code, case.village,
        release.birth_year, release.sex.value, list(release.offence_articles), release.release_type.value,
        release.release_date, release.notified_on, confirm_due_on(release.notified_on, calendar),
        case.confirmed_on, case.intake is not None, case.reoffence_count, status_of(case)))
