"""How a supervision case is shown: its state, its contacts due, the registry's facts about the person, and its
caseload entry (dates and ids as text)."""

import uuid
from dataclasses import asdict
from datetime import date
from typing import Any

from asyncpg import Record

from hoanhap_supervision.domain.case_identity import case_id_of
from hoanhap_supervision.domain.contact_schedule import contact_schedule, days_overdue, earliest_due
from hoanhap_supervision.domain.rules import SupervisionRules
from hoanhap_supervision.domain.state import SupervisionCase


def case_view(case: SupervisionCase, version: int, rules: SupervisionRules, today: date,
              registry: Record | None) -> dict[str, Any]:
    """The case as its officers see it on `today`."""
    return jsonable({
        "person_id": case.person_id, "case_id": case_id_of(case.person_id), "version": version,
        "status": "open" if case.is_open else "closed", "province_code": case.province_code,
        "commune_code": case.commune_code, "opened_on": case.opened_on, "release_type": case.release_type.value,
        "release_date": case.release_date, "supervision_ends_on": case.supervision_ends_on,
        "closed_on": case.closed_on, "closure_reason": case.closure_reason, "notes_erased": case.notes_erased,
        "officer": case.officer,
        **due_view(case, rules, today),
        "registry": None if registry is None else jsonable(dict(registry)),
    })


def caseload_entry(case: SupervisionCase, rules: SupervisionRules, today: date) -> dict[str, Any]:
    """One line of a caseload."""
    return jsonable({"person_id": case.person_id, "case_id": case_id_of(case.person_id),
                     "province_code": case.province_code, "commune_code": case.commune_code,
                     "officer": case.officer, "opened_on": case.opened_on,
                     "supervision_ends_on": case.supervision_ends_on,
                     **due_view(case, rules, today)})


def due_view(case: SupervisionCase, rules: SupervisionRules, today: date) -> dict[str, Any]:
    """The risk group, the contacts and the reassessment due, and the most urgent of them."""
    contacts = contact_schedule(case, rules, today)
    reassessment_overdue = days_overdue(case.reassessment_due_on, today)
    return {
        "risk_group": case.risk_group, "assessed_on": case.assessed_on,
        "reassessment_due_on": case.reassessment_due_on, "reassessment_days_overdue": reassessment_overdue,
        "contacts": [jsonable(asdict(due)) for due in contacts],
        "next_due_on": earliest_due(case, rules, today),
        "days_overdue": max([reassessment_overdue, *(due.days_overdue for due in contacts)]),
    }


def jsonable(item: dict[str, Any]) -> dict[str, Any]:
    """Dates and ids as text (enums are strings already)."""
    return {name: value.isoformat() if isinstance(value, date) else str(value) if isinstance(value, uuid.UUID)
            else value for name, value in item.items()}
