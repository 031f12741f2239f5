"""A case's assessments and contacts as their officers read them, each free text unsealed with the person's key
while it exists (None once the person is erased)."""

import uuid
from typing import Any

from hoanhap.eventstore import StoredEvent
from hoanhap.sealing import unseal_text
from hoanhap_supervision.adapters.views import jsonable
from hoanhap_supervision.domain import events as ev


def assessments_view(stored: list[StoredEvent], key: bytes | None, person_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every assessment in order, with its factors, its reason and who made it."""
    shown = []
    for event in stored:
        fact = ev.FACTS[event.type].model_validate(event.payload)
        if isinstance(fact, ev.RiskAssessed):
            shown.append(jsonable({
                "assessed_on": fact.assessed_on, "risk_group": fact.risk_group,
                "previous_risk_group": fact.previous_risk_group, "factors": fact.factors.model_dump(mode="json"),
                "reason": opened(fact.sealed_reason, key, person_id),
                "next_reassessment_on": fact.next_reassessment_on, "assessed_by": event.metadata.actor,
                "recorded_at": event.recorded_at.isoformat()}))
    return shown


def visits_view(stored: list[StoredEvent], key: bytes | None, person_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every contact in order, with who made it, its outcome and its note."""
    shown = []
    for event in stored:
        fact = ev.FACTS[event.type].model_validate(event.payload)
        if isinstance(fact, ev.VisitRecorded):
            shown.append(jsonable({
                "visit_id": fact.visit_id, "kind": fact.kind, "visited_on": fact.visited_on,
                "outcome": fact.outcome, "by_subject": fact.by_subject, "by_role": fact.by_role,
                "note": opened(fact.sealed_note, key, person_id), "recorded_at": event.recorded_at.isoformat()}))
    return shown


def opened(sealed: str | None, key: bytes | None, person_id: uuid.UUID) -> str | None:
    """The free text, or None when there is none or the person's key is gone."""
    return None if sealed is None or key is None else unseal_text(sealed, key, person_id)
