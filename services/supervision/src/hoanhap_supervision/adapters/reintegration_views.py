"""A case's reintegration plan and appointments as officers read them, free text unsealed with the person's key
while it exists (None once the person is erased), times shown in Vietnam's."""

import uuid
from typing import Any

from hoanhap.contracts import NeedArea, PlanStatus
from hoanhap.eventstore import StoredEvent
from hoanhap.vietnam_time import VIETNAM
from hoanhap_supervision.adapters.sealed_texts import opened
from hoanhap_supervision.adapters.views import jsonable
from hoanhap_supervision.domain import events as ev


def plan_view(stored: list[StoredEvent], key: bytes | None, person_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every need area in its order, with its status now, its status changes and its notes in order."""
    areas: dict[NeedArea, dict[str, Any]] = {
        area: {"area": area.value, "status": PlanStatus.NOT_STARTED.value, "history": [], "notes": []}
        for area in NeedArea}
    for event in stored:
        fact = ev.FACTS[event.type].model_validate(event.payload)
        if isinstance(fact, ev.PlanStatusChanged):
            areas[fact.area]["status"] = fact.status.value
            areas[fact.area]["history"].append(jsonable({
                "status": fact.status, "previous_status": fact.previous_status, "changed_on": fact.changed_on,
                "by_subject": fact.by_subject, "by_role": fact.by_role,
                "recorded_at": event.recorded_at.isoformat()}))
        elif isinstance(fact, ev.PlanNoteAdded):
            areas[fact.area]["notes"].append(jsonable({
                "noted_on": fact.noted_on, "note": opened(fact.sealed_note, key, person_id),
                "by_subject": fact.by_subject, "by_role": fact.by_role,
                "recorded_at": event.recorded_at.isoformat()}))
    return list(areas.values())


def appointments_view(stored: list[StoredEvent], key: bytes | None, person_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every appointment in the order made, its outcome (if any) folded in."""
    shown: dict[uuid.UUID, dict[str, Any]] = {}
    for event in stored:
        fact = ev.FACTS[event.type].model_validate(event.payload)
        if isinstance(fact, ev.AppointmentMade):
            shown[fact.appointment_id] = jsonable({
                "appointment_id": fact.appointment_id, "starts_at": fact.starts_at.astimezone(VIETNAM).isoformat(),
                "day": fact.day, "purpose": fact.purpose, "where": opened(fact.sealed_where, key, person_id),
                "with_whom": opened(fact.sealed_with, key, person_id), "made_by": fact.by_subject,
                "outcome": None, "outcome_on": None, "outcome_by": None})
        elif isinstance(fact, ev.AppointmentOutcomeRecorded):
            shown[fact.appointment_id].update(outcome=fact.outcome.value, outcome_on=fact.outcome_on.isoformat(),
                                              outcome_by=fact.by_subject)
    return list(shown.values())
