"""The privacy boundary for the next-due contact day and the plan's statuses: the day and the status leave, who
changed a plan area does not."""

import json
from datetime import date

from hoanhap.contracts import NeedArea, NextContactDueSet, PlanAreaStatusChanged, PlanStatus
from hoanhap_supervision.adapters.publishing import integration_event, supervision_message
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.case_identity import case_id_of
from tests.unit.supervision.adapters.test_supervision_integration_mapping import PERSON, stored, wire

DAY = date(2026, 2, 1)


def test_the_next_due_day_is_published_with_the_day_of_the_fact_it_follows():
    published = integration_event(PERSON, ev.NextContactDueChanged(next_due_on=date(2026, 2, 15), as_of=DAY))
    assert published == NextContactDueSet(person_id=PERSON, case_id=case_id_of(PERSON),
                                          next_due_on=date(2026, 2, 15), as_of=DAY)


def test_no_contact_due_is_published_as_a_null_day():
    published = integration_event(PERSON, ev.NextContactDueChanged(next_due_on=None, as_of=DAY))
    assert isinstance(published, NextContactDueSet) and published.next_due_on is None


async def test_a_plan_status_is_published_without_who_changed_it():
    fact = ev.PlanStatusChanged(area=NeedArea.ID_CARD, status=PlanStatus.MET, previous_status=PlanStatus.IN_PROGRESS,
                                changed_on=DAY, by_subject="officer-secret-name", by_role="officer")
    message = supervision_message(await stored(fact))
    assert message is not None
    assert b"officer-secret-name" not in wire(message) and b"in_progress" not in wire(message)
    data = json.loads(message.value)
    assert (data["area"], data["status"], data["changed_on"]) == ("id_card", "met", "2026-02-01")
    assert integration_event(PERSON, fact) == PlanAreaStatusChanged(
        person_id=PERSON, case_id=case_id_of(PERSON), area=NeedArea.ID_CARD, status=PlanStatus.MET, changed_on=DAY)


def test_the_events_carry_no_person_but_their_ids():
    assert set(NextContactDueSet.model_fields) == {"person_id", "case_id", "next_due_on", "as_of"}
    assert set(PlanAreaStatusChanged.model_fields) == {"person_id", "case_id", "area", "status", "changed_on"}

