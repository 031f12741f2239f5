"""The plan and appointment use cases on the in-memory store: a plan change by the caller with its note sealed, an
appointment's place and company sealed and its time shown in Vietnam's, both read back opened while the person's
key exists; the plan change is a sync kind whose body names its area."""

import uuid
from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from hoanhap.contracts import NeedArea, PlanStatus
from hoanhap_supervision.adapters.reintegration_views import appointments_view, plan_view
from hoanhap_supervision.api.sync_requests import SYNC_KINDS
from hoanhap_supervision.application.reintegration_input import (
    AppointmentInput,
    AppointmentOutcomeInput,
    PlanInput,
)
from hoanhap_supervision.domain.reintegration import AppointmentOutcome
from tests.unit.supervision.application.in_memory import NO_CONNECTION, officer
from tests.unit.supervision.application.test_officer_use_cases import opened

TODAY = date(2026, 3, 1)
NOTE = "đã nộp hồ sơ làm căn cước tại công an xã"
WHERE, WHOM = "Trụ sở UBND xã Phúc Xá", "cán bộ Tư pháp xã, chị Lan"


async def test_a_plan_change_is_recorded_by_the_caller_with_its_note_sealed_and_read_back_opened():
    supervision, streams, keys, person = await opened()
    asked = PlanInput(NeedArea.ID_CARD, PlanStatus.IN_PROGRESS, NOTE, date(2026, 2, 3))
    assert await supervision.record(NO_CONNECTION, person, asked, officer(), 2, TODAY) == 4
    stored = await streams.store.read_stream(str(person))
    assert [event.type for event in stored[-2:]] == ["PlanStatusChanged", "PlanNoteAdded"]
    assert NOTE not in str(stored[-1].payload)
    id_card = {area["area"]: area for area in plan_view(stored, keys.keys[person], person)}["id_card"]
    assert id_card["status"] == "in_progress"
    assert [(change["status"], change["changed_on"], change["by_subject"]) for change in id_card["history"]] == [
        ("in_progress", "2026-02-03", "officer-7")]
    assert [note["note"] for note in id_card["notes"]] == [NOTE]
    areas = plan_view(stored, None, person)
    assert len(areas) == len(NeedArea) and {area["notes"][0]["note"] for area in areas if area["notes"]} == {None}


async def test_an_appointment_is_shown_in_vietnams_time_with_its_place_and_company_and_later_its_outcome():
    supervision, streams, keys, person = await opened()
    appointment_id = uuid.uuid4()
    asked = AppointmentInput(appointment_id, datetime(2026, 2, 28, 18, 30, tzinfo=UTC), NeedArea.LEGAL_AID, WHERE,
                             WHOM)
    await supervision.record(NO_CONNECTION, person, asked, officer(), None, TODAY)
    outcome = AppointmentOutcomeInput(appointment_id, AppointmentOutcome.ATTENDED, date(2026, 3, 1))
    await supervision.record(NO_CONNECTION, person, outcome, officer(), None, TODAY)
    stored = await streams.store.read_stream(str(person))
    assert WHERE not in str(stored[-2].payload) and WHOM not in str(stored[-2].payload)
    [shown] = appointments_view(stored, keys.keys[person], person)
    assert (shown["starts_at"], shown["day"], shown["purpose"]) == ("2026-03-01T01:30:00+07:00", "2026-03-01",
                                                                    "legal_aid")
    assert (shown["where"], shown["with_whom"], shown["outcome"], shown["outcome_on"]) == (
        WHERE, WHOM, "attended", "2026-03-01")
    [erased] = appointments_view(stored, None, person)
    assert (erased["where"], erased["with_whom"]) == (None, None)


def test_a_plan_change_syncs_with_its_area_in_the_body():
    kind = SYNC_KINDS["plan"]
    body = kind.request.model_validate({"area": "loans", "status": "support_needed", "changed_on": "2026-02-03"})
    assert kind.asked(body, uuid.uuid4()) == PlanInput(NeedArea.LOANS, PlanStatus.SUPPORT_NEEDED, None,
                                                        date(2026, 2, 3))
    with pytest.raises(ValidationError, match="area"):
        kind.request.model_validate({"status": "met", "changed_on": "2026-02-03"})
