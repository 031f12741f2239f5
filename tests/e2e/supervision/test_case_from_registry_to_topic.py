"""Through HTTP and the real Kafka: a release registered and its intake recorded in the registry open a case in
supervision; an assessment and a visit through supervision's API reach the supervision topic without their free
text; a residence change hands the case to the new commune, and the old commune's officer is refused."""

import time
import uuid

from hoanhap.auth import Role
from hoanhap.contracts import (
    SUPERVISION_TOPIC,
    NextContactDueSet,
    RiskGroupAssessed,
    SupervisionOpened,
    VisitLogged,
    from_kafka_message,
)
from tests.support.kafka_reading import read_topic
from tests.support.services import officer_headers
from tests.support.supervision import awaited_case, registered_with_intake

REASON = "Mất việc ở xưởng mộc, đang ở nhờ nhà chị gái"
NOTE = "Gặp tại nhà lúc 9 giờ, đã nhận việc phụ hồ"
ASSESSMENT = {"risk_group": "B", "assessed_on": "2026-02-01", "reason": REASON,
              "factors": {"work_and_income": "none", "housing": "temporary", "family": "supportive",
                          "substance_use": "none", "compliance": "complies"}}
VISIT = {"kind": "home_visit", "visited_on": "2026-02-10", "outcome": "met", "note": NOTE}


def test_a_case_opens_from_the_registry_and_its_assessment_and_visit_reach_the_topic_without_free_text(
        registry, supervision, kafka_bootstrap_servers):
    person_id = registered_with_intake(registry)
    case = awaited_case(supervision, person_id)
    assert (case["status"], case["commune_code"], case["opened_on"], case["risk_group"]) == (
        "open", "00004", "2026-01-16", None)
    headers = {**officer_headers(), "Idempotency-Key": f"assess-{person_id}", "If-Match": '"2"'}  # opened, due set
    assessed = supervision.post(f"/v1/people/{person_id}/assessments", json=ASSESSMENT, headers=headers)
    assert assessed.status_code == 200, assessed.text
    assert assessed.headers["ETag"] == '"3"'  # group B keeps the unassessed standard: no new due day
    again = supervision.post(f"/v1/people/{person_id}/assessments", json=ASSESSMENT, headers=headers)
    assert (again.json(), again.headers.get("Idempotent-Replay")) == (assessed.json(), "true")
    stale = supervision.post(f"/v1/people/{person_id}/visits", json=VISIT,
                             headers={**officer_headers(), "If-Match": '"1"'})
    assert stale.status_code == 409, stale.text
    visited = supervision.post(f"/v1/people/{person_id}/visits", json=VISIT, headers=officer_headers())
    assert visited.status_code == 200, visited.text

    [reason] = [item["reason"] for item in supervision.get(f"/v1/people/{person_id}/assessments",
                                                           headers=officer_headers()).json()]
    [visit] = supervision.get(f"/v1/people/{person_id}/visits", headers=officer_headers()).json()
    assert (reason, visit["note"], visit["by_subject"], visit["by_role"]) == (REASON, NOTE, "officer-1", "officer")
    case = supervision.get(f"/v1/people/{person_id}", headers=officer_headers()).json()
    home = next(due for due in case["contacts"] if due["kind"] == "home_visit")
    assert (case["risk_group"], home["last_on"], home["next_due_on"]) == ("B", "2026-02-10", "2026-03-12")

    mine = supervision_events_of(kafka_bootstrap_servers, person_id, expected=4)
    assert [type(envelope.data) for envelope in mine] == [SupervisionOpened, NextContactDueSet, RiskGroupAssessed,
                                                          VisitLogged]  # the phone call stays the earliest due
    assert mine[1].data.next_due_on.isoformat() == "2026-01-30"  # opened on 2026-01-16, a call due in 14 days
    assert mine[2].data.risk_group == "B" and mine[3].data.visited_on.isoformat() == "2026-02-10"


def test_a_residence_change_hands_the_case_to_the_new_commune(registry, supervision):
    person_id = registered_with_intake(registry)
    awaited_case(supervision, person_id)
    moved = registry.post(f"/v1/people/{person_id}/residence-changes", headers=officer_headers(),
                          json={"province_code": "01", "commune_code": "00070", "moved_on": "2026-03-01"})
    assert moved.status_code == 200, moved.text
    old, new = officer_headers(communes=("00004",)), officer_headers(communes=("00070",))
    deadline = time.monotonic() + 30
    while supervision.get(f"/v1/people/{person_id}", headers=old).status_code == 200:
        assert time.monotonic() < deadline, "the case never moved"
        time.sleep(0.2)
    assert supervision.get(f"/v1/people/{person_id}", headers=old).status_code == 403
    assert supervision.post(f"/v1/people/{person_id}/visits", json=VISIT, headers=old).status_code == 403
    assert supervision.get(f"/v1/people/{person_id}", headers=officer_headers(province="79")).status_code == 404
    assert supervision.get(f"/v1/people/{person_id}", headers=new).json()["commune_code"] == "00070"
    assert supervision.post(f"/v1/people/{person_id}/visits", json=VISIT, headers=new).status_code == 200
    caseload = supervision.get("/v1/communes/00070/caseload", headers=new, params={"limit": 500}).json()
    assert person_id in [entry["person_id"] for entry in caseload["cases"]]
    old_caseload = supervision.get("/v1/communes/00004/caseload", headers=old, params={"limit": 500}).json()
    assert person_id not in [entry["person_id"] for entry in old_caseload["cases"]]


def test_a_supervisor_puts_an_officer_in_charge_and_the_case_is_in_their_caseload(registry, supervision):
    person_id = registered_with_intake(registry)
    awaited_case(supervision, person_id)
    assignment = {"officer": "officer-42", "assigned_on": "2026-02-01"}
    refused = supervision.post(f"/v1/people/{person_id}/officer", json=assignment, headers=officer_headers())
    assert refused.status_code == 403, "an officer cannot assign"
    assigned = supervision.post(f"/v1/people/{person_id}/officer", json=assignment,
                                headers=officer_headers(sub="supervisor-1", role=Role.SUPERVISOR))
    assert assigned.status_code == 200, assigned.text
    theirs = supervision.get("/v1/officers/me/caseload", headers=officer_headers(sub="officer-42")).json()
    assert [entry["person_id"] for entry in theirs["cases"]] == [person_id]
    assert supervision.get("/v1/officers/me/caseload", headers=officer_headers(sub="officer-43")).json()["total"] == 0


def supervision_events_of(bootstrap_servers: str, person_id: str, expected: int) -> list:
    """The person's envelopes on the supervision topic, once expected have arrived, checked free of free text."""
    import asyncio
    deadline = time.monotonic() + 30
    while True:
        records = [record for record in asyncio.run(read_topic(bootstrap_servers, SUPERVISION_TOPIC, expected=1,
                                                               timeout=5))
                   if record.key == person_id.encode()]
        if len(records) >= expected or time.monotonic() > deadline:
            break
    for record in records:
        assert REASON.encode() not in record.value and NOTE.encode() not in record.value
    envelopes = [from_kafka_message(record.key, record.value, record.headers) for record in records]
    assert all(envelope.data.person_id == uuid.UUID(person_id) for envelope in envelopes)
    return envelopes
