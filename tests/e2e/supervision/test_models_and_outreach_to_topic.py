"""Through HTTP and the real Kafka: a local model launched in communes 00004 and 00070 takes a person supervised in
00004 as a member, ends, and reaches the supervision topic as ModelLaunched with both communes and as ModelEnded;
a district model launched on 2025-07-01 is refused at its level; an outreach report sent twice with one
Idempotency-Key is counted once and reaches the topic once as OutreachLogged; a province-wide job-introduction
conference reaches it without a commune, and a commune's officer may not report one."""

import asyncio
import time
import uuid

from hoanhap.contracts import SUPERVISION_TOPIC, ModelEnded, ModelLaunched, OutreachLogged, from_kafka_message
from tests.support.kafka_reading import read_topic
from tests.support.services import officer_headers
from tests.support.supervision import opened_case

MODEL = {"title": "Câu lạc bộ Đồng hành", "level": "commune", "province_code": "01",
         "commune_codes": ["00004", "00070"], "lead_organisation": "Đoàn Thanh niên phường Ba Đình",
         "launched_on": "2026-01-10"}
SESSION = {"activity": "mobile_session", "quantity": 1, "attendance": 70, "province_code": "01",
           "commune_code": "00004", "held_on": "2026-02-03"}
CONFERENCE = {"activity": "job_introduction_conference", "quantity": 1, "attendance": 450, "province_code": "01",
              "held_on": "2026-02-04"}


def test_a_model_launched_with_a_member_reaches_the_topic_and_a_late_district_model_is_refused(
        registry, supervision, kafka_bootstrap_servers):
    person_id = opened_case(registry, supervision)
    late = {**MODEL, "level": "district", "former_district_name": "Quận Ba Đình", "launched_on": "2025-07-01"}
    refused = supervision.post("/v1/models", json=late, headers=officer_headers())
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "level"], refused.text
    elsewhere = supervision.post("/v1/models", json=MODEL, headers=officer_headers(communes=("00070",)))
    assert elsewhere.status_code == 403, elsewhere.text
    launched = supervision.post("/v1/models", json=MODEL, headers={**officer_headers(), "Idempotency-Key": "m-1"})
    assert launched.status_code == 201, launched.text
    model_id = launched.json()["model_id"]
    joined = supervision.post(f"/v1/models/{model_id}/members", json={"person_id": person_id,
                                                                       "joined_on": "2026-02-01"},
                              headers={**officer_headers(), "If-Match": '"1"'})
    assert (joined.status_code, joined.headers.get("ETag")) == (200, '"2"'), joined.text
    mine = supervision.get("/v1/communes/00004/models", headers=officer_headers(communes=("00004",))).json()
    [model] = [item for item in mine["models"] if item["model_id"] == model_id]
    assert (model["members"], model["commune_codes"], model["status"]) == ([person_id], ["00004", "00070"],
                                                                           "running")
    assert supervision.get(f"/v1/models/{model_id}", headers=officer_headers(province="79")).status_code == 404
    ended = supervision.post(f"/v1/models/{model_id}/end", json={"ended_on": "2026-02-20"},
                             headers={**officer_headers(), "If-Match": '"2"'})
    assert ended.status_code == 200, ended.text

    [event] = topic_events(kafka_bootstrap_servers, ModelLaunched, lambda data: str(data.model_id) == model_id)
    assert (event.title, event.level, event.commune_codes, event.launched_on.isoformat()) == (
        MODEL["title"], "commune", ("00004", "00070"), "2026-01-10")
    [end] = topic_events(kafka_bootstrap_servers, ModelEnded, lambda data: str(data.model_id) == model_id)
    assert (end.province_code, end.commune_codes, end.ended_on.isoformat()) == ("01", ("00004", "00070"),
                                                                               "2026-02-20")


def test_an_outreach_report_sent_twice_is_counted_once_and_reaches_the_topic(supervision, kafka_bootstrap_servers):
    headers = {**officer_headers(communes=("00004",)), "Idempotency-Key": f"outreach-{uuid.uuid4()}"}
    first = supervision.post("/v1/outreach", json=SESSION, headers=headers)
    again = supervision.post("/v1/outreach", json=SESSION, headers=headers)
    assert first.status_code == 201, first.text
    assert (again.status_code, again.json(), again.headers.get("Idempotent-Replay")) == (201, first.json(), "true")
    outreach_id = first.json()["outreach_id"]
    no_attendance = supervision.post("/v1/outreach", json={**SESSION, "attendance": None}, headers=officer_headers())
    assert no_attendance.json()["detail"][0]["loc"] == ["body", "attendance"], no_attendance.text
    period = {"from": "2026-02-01", "to": "2026-02-28"}
    listed = supervision.get("/v1/communes/00004/outreach", params=period, headers=officer_headers()).json()
    assert [report["outreach_id"] for report in listed["reports"]].count(outreach_id) == 1
    backwards = supervision.get("/v1/outreach", params={"from": "2026-02-28", "to": "2026-02-01"},
                                headers=officer_headers())
    assert (backwards.status_code, backwards.json()["detail"][0]["loc"]) == (422, ["query", "to"]), backwards.text

    [event] = topic_events(kafka_bootstrap_servers, OutreachLogged, lambda data: str(data.outreach_id) == outreach_id)
    assert (event.activity, event.quantity, event.attendance, event.commune_code) == ("mobile_session", 1, 70,
                                                                                      "00004")


def test_a_province_wide_conference_reaches_the_topic_without_a_commune(supervision, kafka_bootstrap_servers):
    communes = supervision.post("/v1/outreach", json=CONFERENCE, headers=officer_headers(communes=("00004",)))
    assert communes.status_code == 403, communes.text
    reported = supervision.post("/v1/outreach", json=CONFERENCE, headers=officer_headers())
    assert reported.status_code == 201, reported.text
    outreach_id = reported.json()["outreach_id"]

    [event] = topic_events(kafka_bootstrap_servers, OutreachLogged, lambda data: str(data.outreach_id) == outreach_id,
                           key=b"01")
    assert (event.activity, event.attendance, event.province_code, event.commune_code) == (
        "job_introduction_conference", 450, "01", None)


def topic_events(bootstrap_servers: str, kind: type, wanted, key: bytes = b"00004") -> list:  # type: ignore[no-untyped-def]
    """The supervision topic's events of this kind that are wanted, once one has arrived (keyed by `key`: the
    commune, or the province of a province-wide report)."""
    deadline = time.monotonic() + 30
    while True:
        records = asyncio.run(read_topic(bootstrap_servers, SUPERVISION_TOPIC, expected=1, timeout=5))
        found = [(record.key, from_kafka_message(record.key, record.value, record.headers).data)
                 for record in records]
        mine = [data for key, data in found if isinstance(data, kind) and wanted(data)]
        if mine or time.monotonic() > deadline:
            assert all(found_key == key for found_key, data in found if isinstance(data, kind) and wanted(data))
            return mine
