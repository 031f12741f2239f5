"""Against the running service: a 500-operation batch recorded offline, sent twice, and once cut mid-upload then
resent whole, has every effect once; the same operation id with other content is a conflict that changes nothing
and is listed for the commune's supervisor; an operation on a case the registry moved meanwhile is rejected with
its reason while the rest of its batch applies."""

import json
import socket
import time
import uuid

import httpx

from tests.support.services import officer_headers, supervisor_headers
from tests.support.supervision_sync import (
    CASES,
    PER_CASE,
    assert_every_effect_once,
    batch,
    five_hundred_visits,
    opened_cases,
    sent,
    visit,
)


def cut_mid_upload(base_url: str, body: bytes, send_whole: bool) -> None:
    """Send the request (all of its body, or half of it) and drop the connection without reading the answer."""
    url = httpx.URL(base_url)
    head = (f"POST /v1/sync HTTP/1.1\r\nHost: {url.host}:{url.port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n" + "".join(f"{name}: {value}\r\n" for name, value in
                                                          officer_headers().items()) + "\r\n").encode()
    with socket.create_connection((url.host, url.port)) as raw:
        raw.sendall(head + (body if send_whole else body[:len(body) // 2]))
    time.sleep(0.5)


def test_a_500_operation_batch_sent_twice_has_every_effect_once(registry, supervision):
    people = opened_cases(registry, supervision, CASES)
    body = five_hundred_visits(people)
    first = sent(supervision, body)
    assert [result["status"] for result in first] == ["accepted"] * CASES * PER_CASE
    again = sent(supervision, body)
    assert [result["status"] for result in again] == ["duplicate"] * CASES * PER_CASE
    assert [result["first_answer"] for result in again] == [
        {key: value for key, value in result.items() if key != "operation_id"} for result in first]
    assert_every_effect_once(supervision, people)


def test_a_batch_cut_mid_upload_then_resent_whole_has_every_effect_once(registry, supervision):
    people = opened_cases(registry, supervision, CASES)
    body = five_hundred_visits(people)
    whole = json.dumps(body).encode()
    cut_mid_upload(str(supervision.base_url), whole, send_whole=False)
    half = json.dumps({**body, "operations": body["operations"][:len(body["operations"]) // 2]}).encode()
    cut_mid_upload(str(supervision.base_url), half, send_whole=True)
    statuses = [result["status"] for result in sent(supervision, body)]
    assert set(statuses) <= {"accepted", "duplicate"} and len(statuses) == CASES * PER_CASE
    assert_every_effect_once(supervision, people)


def test_the_same_id_with_other_content_is_a_conflict_that_changes_nothing(registry, supervision):
    [person_id] = opened_cases(registry, supervision, 1)
    operation_id = str(uuid.uuid4())
    [accepted] = sent(supervision, batch(visit(person_id, "Gặp", operation_id)))
    [conflict] = sent(supervision, batch(visit(person_id, "Không gặp", operation_id)))
    assert (accepted["status"], conflict["status"], conflict["reason"]) == (
        "accepted", "conflict", "operation_id_reused")
    visits = supervision.get(f"/v1/people/{person_id}/visits", headers=officer_headers()).json()
    assert [item["note"] for item in visits] == ["Gặp"]
    kept = supervision.get("/v1/communes/00004/sync-conflicts", headers=supervisor_headers(),
                           params={"limit": 500}).json()["conflicts"]
    [mine] = [item for item in kept if item["person_id"] == person_id]
    assert (mine["operation_id"], mine["body"]["note"]) == (operation_id, "Không gặp")
    assert supervision.get("/v1/communes/00004/sync-conflicts", headers=officer_headers()).status_code == 403


def test_an_operation_on_a_case_moved_meanwhile_is_rejected_while_the_rest_of_the_batch_applies(registry,
                                                                                                 supervision):
    moved, staying = opened_cases(registry, supervision, 2)
    answer = registry.post(f"/v1/people/{moved}/residence-changes", headers=officer_headers(),
                           json={"province_code": "01", "commune_code": "00070", "moved_on": "2026-03-01"})
    assert answer.status_code == 200, answer.text
    deadline = time.monotonic() + 30
    while supervision.get(f"/v1/people/{moved}", headers=officer_headers()).json()["commune_code"] != "00070":
        assert time.monotonic() < deadline, "the case never moved"
        time.sleep(0.2)
    support = {**visit(staying), "kind": "support", "body": {"kind": "counselling", "provided_on": "2026-02-10"}}
    results = sent(supervision, batch(visit(staying), visit(moved), support))
    assert [(result["status"], result.get("reason")) for result in results] == [
        ("accepted", None), ("rejected", "transferred"), ("accepted", None)]
    assert results[2]["support_id"] == support["operation_id"]
    assert len(supervision.get(f"/v1/people/{moved}/visits", headers=officer_headers()).json()) == 0


def test_a_malformed_batch_is_refused_naming_the_field_and_a_bad_body_only_its_operation(registry, supervision):
    [person_id] = opened_cases(registry, supervision, 1)
    refused = supervision.post("/v1/sync", json={"operations": [visit(person_id)]}, headers=officer_headers())
    assert refused.status_code == 422 and "sent_at" in refused.text
    bad = {**visit(person_id), "body": {"kind": "home_visit", "visited_on": "2026-02-10", "outcome": "maybe"}}
    results = sent(supervision, batch(bad, visit(person_id)))
    assert [(result["status"], result.get("field")) for result in results] == [
        ("rejected", "body.outcome"), ("accepted", None)]
