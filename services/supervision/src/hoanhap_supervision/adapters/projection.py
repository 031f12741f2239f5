"""The cases table: each case's current state, in columns for the caseload and whole for the next write
(case_states.py), rewritten by the statement that appends its events. It holds no free text (the reasons and notes
stay sealed in the events)."""

import uuid

from hoanhap.contracts import VisitKind
from hoanhap.eventstore import Alongside
from hoanhap_supervision.adapters.case_states import state_json
from hoanhap_supervision.domain.state import SupervisionCase

COLUMNS = ("case_id, version, person_id, province_code, commune_code, opened_on, release_type, release_date, "
           "supervision_ends_on, risk_group, assessed_on, reassessment_due_on, last_home_visit_on, "
           "last_reported_at_commune_on, last_phone_call_on, closed_on, closure_reason, notes_erased, officer, state")
UPSERT = f"""
INSERT INTO cases ({COLUMNS})
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20 FROM appending
ON CONFLICT (case_id) DO UPDATE SET
    version = EXCLUDED.version, province_code = EXCLUDED.province_code, commune_code = EXCLUDED.commune_code,
    risk_group = EXCLUDED.risk_group, assessed_on = EXCLUDED.assessed_on,
    reassessment_due_on = EXCLUDED.reassessment_due_on, last_home_visit_on = EXCLUDED.last_home_visit_on,
    last_reported_at_commune_on = EXCLUDED.last_reported_at_commune_on,
    last_phone_call_on = EXCLUDED.last_phone_call_on, closed_on = EXCLUDED.closed_on,
    closure_reason = EXCLUDED.closure_reason, notes_erased = EXCLUDED.notes_erased, officer = EXCLUDED.officer,
    state = EXCLUDED.state,
    updated_at = now()
"""


def projection_alongside(case_id: uuid.UUID, case: SupervisionCase, version: int) -> Alongside:
    """Writing the case's current state alongside its events."""
    last = case.last_contacts
    return Alongside(UPSERT, (
        case_id, version, case.person_id, case.province_code, case.commune_code, case.opened_on,
        case.release_type.value, case.release_date, case.supervision_ends_on,
        None if case.risk_group is None else case.risk_group.value, case.assessed_on, case.reassessment_due_on,
        last.get(VisitKind.HOME_VISIT), last.get(VisitKind.REPORTED_AT_COMMUNE), last.get(VisitKind.PHONE_CALL),
        case.closed_on, None if case.closure_reason is None else case.closure_reason.value, case.notes_erased,
        case.officer, state_json(case)))
