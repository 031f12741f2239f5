"""What a read answers about a case: identifiers only when the key still exists."""

import uuid
from datetime import date
from typing import Any

from hoanhap.working_days import WorkingCalendar, confirm_due_on
from hoanhap_registry.adapters.projection import status_of
from hoanhap_registry.domain.state import PersonCase
from hoanhap_registry.identity.sealing import unseal


def identity_view(sealed: str | None, key: bytes | None, person_id: uuid.UUID) -> dict[str, Any] | None:
    """Name, citizen ID, birth date and certificate number, or None once erased."""
    if sealed is None or key is None:
        return None
    identity = unseal(sealed, key, person_id)
    return {"full_name": identity.full_name, "citizen_id": identity.citizen_id,
            "birth_date": identity.birth_date.isoformat(), "certificate_number": identity.certificate_number}


def case_view(person_id: uuid.UUID, case: PersonCase, version: int, key: bytes | None,
              calendar: WorkingCalendar, today: date) -> dict[str, Any]:
    """The whole case as an officer of its commune sees it."""
    release = case.release
    due_on = confirm_due_on(release.notified_on, calendar)
    return {
        "person_id": str(person_id), "version": version, "status": status_of(case),
        "identity": identity_view(None if case.erased_on else release.sealed_identity, key, person_id),
        "sex": release.sex.value, "birth_year": release.birth_year,
        "residence": {"province_code": case.province_code, "commune_code": case.commune_code,
                      "village": case.village, "former_place_name": release.former_place_name},
        "release": {"type": release.release_type.value, "date": release.release_date.isoformat(),
                    "facility": release.facility, "offence_articles": list(release.offence_articles),
                    "sentence_months": release.sentence_months,
                    "supervision_end": release.supervision_end.isoformat() if release.supervision_end else None},
        "confirmation": {"notified_on": release.notified_on.isoformat(), "due_on": due_on.isoformat(),
                         "confirmed_on": case.confirmed_on.isoformat() if case.confirmed_on else None,
                         "overdue": case.confirmed_on is None and due_on < today},
        "intake": None if case.intake is None else case.intake.model_dump(mode="json"),
        "reoffences": [{"reoffence_id": str(rid), "committed_on": r.committed_on.isoformat(),
                        "offence_articles": list(r.offence_articles), "status": r.status.value}
                       for rid, r in case.reoffences.items()],
        "closure": None if case.closure is None else case.closure.model_dump(mode="json"),
    }
