"""The privacy boundary: supervision's internal events become contract events on its topic without any free text
(sealed or not), assessment factors, the contact's author or outcome; a contact where the person was not met and
the events kept inside publish nothing."""

import uuid
from datetime import UTC, date, datetime

import pytest

from hoanhap import contracts as c
from hoanhap.contracts import CaseClosureReason, NeedArea, RiskGroup, VisitKind, from_kafka_message
from hoanhap.eventstore import EventMetadata, InMemoryEventStore, NewEvent, StoredEvent
from hoanhap_supervision.adapters.publishing import CLOSURE_REASONS, supervision_message
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.case_identity import case_id_of
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.reintegration import AppointmentOutcome
from tests.unit.supervision.domain.cases import FACTORS

SEALED = "U0VBTEVELVRFWFQtTUFSS0VS"
PERSON = uuid.uuid4()
DAY = date(2026, 2, 1)
ASSESSED = ev.RiskAssessed(risk_group=RiskGroup.C, previous_risk_group=RiskGroup.B, assessed_on=DAY,
                           factors=FACTORS, sealed_reason=SEALED, next_reassessment_on=date(2026, 3, 3))
MET = ev.VisitRecorded(visit_id=uuid.uuid4(), kind=VisitKind.HOME_VISIT, visited_on=DAY, outcome=VisitOutcome.MET,
                       by_subject="officer-secret-name", by_role="officer", sealed_note=SEALED)


async def stored(fact: ev.SupervisionFact) -> StoredEvent:
    store = InMemoryEventStore()
    metadata = EventMetadata(correlation_id="c", actor="officer-secret-name", agency="police")
    [event] = await store.append(str(PERSON), 0, [NewEvent(fact.type_name(), fact.model_dump(mode="json"),
                                                           metadata)])
    return event


def wire(message) -> bytes:  # type: ignore[no-untyped-def]
    return message.value + message.key + b"".join(name.encode() + value for name, value in message.headers)


async def test_an_assessment_is_published_with_its_group_and_nothing_the_officer_wrote():
    message = supervision_message(await stored(ASSESSED))
    assert message is not None
    for secret in (SEALED, "irregular", "supportive", "officer-secret-name", "2026-03-03"):
        assert secret.encode() not in wire(message), secret
    assert b'"risk_group":"C"' in message.value.replace(b" ", b"")
    assert str(case_id_of(PERSON)).encode() in message.value


async def test_a_met_contact_is_published_without_its_note_author_or_outcome():
    message = supervision_message(await stored(MET))
    assert message is not None
    for secret in (SEALED, "officer-secret-name", '"met"'):
        assert secret.encode() not in wire(message), secret


async def test_a_contact_where_the_person_was_not_met_is_not_published():
    not_home = MET.model_copy(update={"outcome": VisitOutcome.NOT_AT_HOME})
    assert supervision_message(await stored(not_home)) is None


@pytest.mark.parametrize("fact", [
    ev.CaseTransferred(previous_province_code="01", previous_commune_code="00004", province_code="01",
                       commune_code="00070", moved_on=DAY),
    ev.ReassessmentPrompted(reoffence_id=uuid.uuid4(), committed_on=DAY, due_on=DAY),
    ev.NotesErased(erased_at=datetime(2026, 2, 1, tzinfo=UTC)),
    ev.OfficerAssigned(officer="officer-9", assigned_on=DAY),
    ev.PlanNoteAdded(area=NeedArea.LOANS, noted_on=DAY, sealed_note=SEALED, by_subject="officer-9", by_role="officer"),
    ev.AppointmentMade(appointment_id=uuid.uuid4(), starts_at=datetime(2026, 2, 1, 2, tzinfo=UTC), day=DAY,
                       purpose=NeedArea.HEALTH, sealed_where=SEALED, sealed_with=SEALED, by_subject="officer-9"),
    ev.AppointmentOutcomeRecorded(appointment_id=uuid.uuid4(), outcome=AppointmentOutcome.MISSED, outcome_on=DAY,
                                  by_subject="officer-9"),
], ids=lambda fact: fact.type_name())
async def test_events_kept_inside_publish_nothing(fact):
    assert supervision_message(await stored(fact)) is None


@pytest.mark.parametrize("reason", list(CaseClosureReason))
async def test_every_registry_closure_reason_closes_supervision_with_a_contract_reason(reason):
    message = supervision_message(await stored(ev.SupervisionEnded(closed_on=DAY, reason=reason)))
    assert message is not None and CLOSURE_REASONS[reason].value.encode() in message.value


@pytest.mark.parametrize("reason", list(CaseClosureReason))
async def test_each_registry_closure_reason_is_published_as_the_contract_reason_of_the_same_name(reason):
    message = supervision_message(await stored(ev.SupervisionEnded(closed_on=DAY, reason=reason)))
    assert message is not None
    data = from_kafka_message(message.key, message.value, message.headers).data
    assert isinstance(data, c.SupervisionClosed) and data.reason.value == reason.value


async def test_every_internal_event_type_is_mapped_or_deliberately_kept_inside():
    assert set(ev.FACTS) == {"SupervisionStarted", "CaseTransferred", "ReassessmentPrompted", "RiskAssessed",
                             "VisitRecorded", "OfficerAssigned", "SupervisionEnded", "NotesErased"} | {
        "SponsorAssigned", "SponsorshipEnded", "SupportGiven"} | {  # test_sponsorship_integration_mapping.py
        "PlanNoteAdded", "AppointmentMade", "AppointmentOutcomeRecorded"} | {  # kept inside
        "PlanStatusChanged", "NextContactDueChanged"}  # test_contact_and_plan_mapping.py
