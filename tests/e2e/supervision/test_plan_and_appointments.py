"""Through HTTP and the real Kafka: an officer moves a need area of a person's reintegration plan with a note, makes
an appointment and records its outcome; both read back with their free text opened and the time in Vietnam's (the
history shows none of it); of them only the plan area's status reaches the supervision topic, without its note;
a plan change recorded offline on a stale
version is a conflict when the same area's status changed meanwhile, and applies for another area."""

import asyncio
import time
import uuid

from hoanhap.contracts import (
    SUPERVISION_TOPIC,
    NextContactDueSet,
    PlanAreaStatusChanged,
    SupervisionOpened,
    VisitLogged,
    from_kafka_message,
)
from tests.support.kafka_reading import read_topic
from tests.support.services import officer_headers
from tests.support.supervision import opened_case
from tests.support.supervision_sync import batch, sent

NOTE = "Đã nộp hồ sơ cấp căn cước, hẹn trả sau 7 ngày"
WHERE, WHOM = "Trụ sở UBND xã, phòng Tư pháp", "Hội Phụ nữ xã, chị Hoa"
APPOINTMENT = {"starts_at": "2026-02-20T01:30:00Z", "where": WHERE, "with_whom": WHOM, "purpose": "id_card"}


def test_a_plan_area_and_an_appointment_are_recorded_read_back_and_only_the_areas_status_published(
        registry, supervision, kafka_bootstrap_servers):
    person = opened_case(registry, supervision)
    path, headers = f"/v1/people/{person}", officer_headers()
    changed = supervision.post(f"{path}/plan/id_card", headers=headers,
                               json={"status": "in_progress", "note": NOTE, "changed_on": "2026-02-03"})
    assert changed.status_code == 200, changed.text
    made = supervision.post(f"{path}/appointments", json=APPOINTMENT, headers=headers)
    assert made.status_code == 200, made.text
    appointment_id = made.json()["appointment_id"]
    outcome = {"outcome": "attended", "outcome_on": "2026-02-20"}
    assert supervision.post(f"{path}/appointments/{appointment_id}/outcome", json=outcome,
                            headers=headers).status_code == 200
    again = supervision.post(f"{path}/appointments/{appointment_id}/outcome", json=outcome, headers=headers)
    assert again.status_code == 409, again.text

    id_card = {area["area"]: area for area in supervision.get(f"{path}/plan", headers=headers).json()}["id_card"]
    assert (id_card["status"], [note["note"] for note in id_card["notes"]]) == ("in_progress", [NOTE])
    assert [(change["status"], change["changed_on"]) for change in id_card["history"]] == [
        ("in_progress", "2026-02-03")]
    [shown] = supervision.get(f"{path}/appointments", headers=headers).json()
    assert (shown["starts_at"], shown["where"], shown["with_whom"], shown["outcome"]) == (
        "2026-02-20T08:30:00+07:00", WHERE, WHOM, "attended")
    history = supervision.get(f"{path}/history", headers=headers)
    assert history.status_code == 200 and "AppointmentMade" in history.text, history.text
    assert all(secret not in history.text for secret in (NOTE, WHERE, WHOM)), "sealed text shown in the history"

    met = {"kind": "home_visit", "visited_on": "2026-02-21", "outcome": "met"}
    assert supervision.post(f"{path}/visits", json=met, headers=headers).status_code == 200
    assert published_types(kafka_bootstrap_servers, person) == {SupervisionOpened, NextContactDueSet,
                                                                 PlanAreaStatusChanged, VisitLogged}


def test_plans_and_appointments_are_checked_field_by_field(registry, supervision):
    person = opened_case(registry, supervision)
    path, headers = f"/v1/people/{person}", officer_headers()
    unknown_area = supervision.post(f"{path}/plan/horoscope", json={"status": "met", "changed_on": "2026-02-03"},
                                    headers=headers)
    assert unknown_area.status_code == 422 and "area" in unknown_area.text
    future = supervision.post(f"{path}/plan/loans", json={"status": "met", "changed_on": "2099-01-01"},
                              headers=headers)
    assert future.status_code == 422 and "changed_on" in future.text, future.text
    empty = supervision.post(f"{path}/plan/loans", json={"changed_on": "2026-02-03"}, headers=headers)
    assert empty.status_code == 422 and "status" in empty.text, empty.text
    naive = supervision.post(f"{path}/appointments", json={**APPOINTMENT, "starts_at": "2026-02-20T08:30:00"},
                             headers=headers)
    assert naive.status_code == 422 and "starts_at" in naive.text
    stranger = supervision.post(f"{path}/appointments/{uuid.uuid4()}/outcome", headers=headers,
                                json={"outcome": "missed", "outcome_on": "2026-02-20"})
    assert stranger.status_code == 404, stranger.text


def test_a_plan_change_synced_after_the_same_area_changed_meanwhile_is_a_conflict(registry, supervision):
    person = opened_case(registry, supervision)
    moved = supervision.post(f"/v1/people/{person}/plan/housing_and_residence_papers", headers=officer_headers(),
                             json={"status": "support_needed", "changed_on": "2026-02-03"})
    assert moved.status_code == 200, moved.text
    same_area, other_area = offline_plan(person, "housing_and_residence_papers"), offline_plan(person, "health")
    conflict, accepted = sent(supervision, batch(same_area, other_area))
    assert (conflict["status"], conflict["reason"]) == ("conflict", "plan_status_changed")
    assert accepted["status"] == "accepted", accepted
    plan = {area["area"]: area["status"] for area in
            supervision.get(f"/v1/people/{person}/plan", headers=officer_headers()).json()}
    assert (plan["housing_and_residence_papers"], plan["health"]) == ("support_needed", "in_progress")


def offline_plan(person_id: str, area: str) -> dict[str, object]:
    """A plan status change recorded offline on the case's first version."""
    return {"operation_id": str(uuid.uuid4()), "person_id": person_id, "based_on_version": 1,
            "device_at": "2026-02-04T02:00:00+00:00", "kind": "plan",
            "body": {"area": area, "status": "in_progress", "changed_on": "2026-02-04"}}


def published_types(bootstrap_servers: str, person_id: str) -> set[type]:
    """The types of the person's events on the supervision topic once its visit arrived, each record checked free
    of the plan's note, the appointment's place and company and its outcome."""
    deadline = time.monotonic() + 30
    while True:
        records = [record for record in asyncio.run(read_topic(bootstrap_servers, SUPERVISION_TOPIC, expected=1,
                                                               timeout=5)) if record.key == person_id.encode()]
        found = {type(from_kafka_message(record.key, record.value, record.headers).data) for record in records}
        if VisitLogged in found or time.monotonic() > deadline:
            break
    for record in records:
        for secret in (NOTE, WHERE, WHOM, "attended", "officer-1"):
            assert secret.encode() not in record.value, secret
    return found
