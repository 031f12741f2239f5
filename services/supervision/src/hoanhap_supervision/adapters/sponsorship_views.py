"""A case's sponsors and the support given, as officers read them, free text unsealed with the person's key while
it exists (None once the person is erased)."""

import uuid
from typing import Any

from hoanhap.eventstore import StoredEvent
from hoanhap_supervision.adapters.sealed_texts import opened
from hoanhap_supervision.adapters.views import jsonable
from hoanhap_supervision.domain import events as ev


def sponsors_view(stored: list[StoredEvent], key: bytes | None, person_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every sponsor in the order assigned, with its end (if any) folded in."""
    shown: dict[uuid.UUID, dict[str, Any]] = {}
    for event in stored:
        fact = ev.FACTS[event.type].model_validate(event.payload)
        if isinstance(fact, ev.SponsorAssigned):
            shown[fact.sponsor_id] = {
                "sponsor_id": str(fact.sponsor_id), "kind": fact.sponsor_kind,
                "name": opened(fact.sealed_name, key, person_id),
                "contact": opened(fact.sealed_contact, key, person_id), "token_subject": fact.token_subject,
                "model_id": None if fact.model_id is None else str(fact.model_id),
                "assigned_on": fact.assigned_on.isoformat(), "assigned_by": event.metadata.actor,
                "ended_on": None, "end_reason": None, "active": True}
        elif isinstance(fact, ev.SponsorshipEnded):
            shown[fact.sponsor_id].update(ended_on=fact.ended_on.isoformat(), active=False,
                                          end_reason=opened(fact.sealed_reason, key, person_id))
    return list(shown.values())


def support_view(stored: list[StoredEvent], key: bytes | None, person_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every support given, in order, with who gave it and its note."""
    shown = []
    for event in stored:
        fact = ev.FACTS[event.type].model_validate(event.payload)
        if isinstance(fact, ev.SupportGiven):
            shown.append(jsonable({
                "support_id": fact.support_id, "kind": fact.kind, "provided_on": fact.provided_on,
                "value": fact.value, "model_id": fact.model_id, "by_subject": fact.by_subject,
                "by_role": fact.by_role, "note": opened(fact.sealed_note, key, person_id),
                "recorded_at": event.recorded_at.isoformat()}))
    return shown
