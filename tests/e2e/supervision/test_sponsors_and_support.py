"""Through HTTP and the real Kafka: an officer assigns a sponsor to a person; the sponsor's token logs a visit and
support for that person and is refused for anyone else, on every endpoint (the sweep), and for that person too once
the sponsorship ends; SponsorAssigned, SupportProvided and SponsorshipEnded reach the supervision topic without the
sponsor's name, contact, account or id, the support's note or why the sponsorship ended."""

import asyncio
import time
import uuid
from typing import Any

import httpx

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.auth.policy import OPERATIONS
from hoanhap.contracts import (
    SUPERVISION_TOPIC,
    SponsorAssigned,
    SponsorshipEnded,
    SupportProvided,
    from_kafka_message,
)
from hoanhap_supervision.access_policy import POLICY, SPONSORS_MAY
from tests.support.kafka_reading import read_topic
from tests.support.services import bearer_headers, officer_headers
from tests.support.supervision import opened_case

SUBJECT = "sponsor:moc-viet-7"
NAME, CONTACT = "Công ty TNHH Mộc Việt", "0912 345 678, anh Tùng"
NOTE = "Tặng bộ dụng cụ nghề mộc"
REASON = "Công ty chuyển đi tỉnh khác"
MODEL = str(uuid.uuid4())
SPONSOR = {"kind": "business", "name": NAME, "contact": CONTACT, "token_subject": SUBJECT, "model_id": MODEL,
           "assigned_on": "2026-02-01"}
VISIT = {"kind": "home_visit", "visited_on": "2026-02-10", "outcome": "met"}
AID = {"kind": "material_aid", "provided_on": "2026-02-12", "value": 2_500_000, "model_id": MODEL, "note": NOTE}


def sponsor_headers(subject: str = SUBJECT) -> dict[str, str]:
    """A sponsor's token: the supervision agency, role officer, a "sponsor:" subject, in commune 00004."""
    return bearer_headers(Principal(sub=subject, agency=Agency.SUPERVISION, role=Role.OFFICER,
                                    jurisdiction=Jurisdiction(province="01", communes=("00004",))))


def test_a_sponsors_token_logs_visits_and_support_for_its_person_only(registry, supervision, kafka_bootstrap_servers):
    person, stranger = opened_case(registry, supervision), opened_case(registry, supervision)
    sponsor_id = assigned_sponsor(supervision, person)
    path = f"/v1/people/{person}"
    assert supervision.post(f"{path}/visits", json=VISIT, headers=sponsor_headers()).status_code == 200
    aid = supervision.post(f"{path}/support", json=AID, headers=sponsor_headers())
    assert aid.status_code == 200, aid.text
    for what, body in (("visits", VISIT), ("support", AID)):
        refused = supervision.post(f"/v1/people/{stranger}/{what}", json=body, headers=sponsor_headers())
        assert refused.status_code == 404, f"{what} for someone else: {refused.text}"
    [visit] = supervision.get(f"{path}/visits", headers=officer_headers()).json()
    [given] = supervision.get(f"{path}/support", headers=officer_headers()).json()
    assert (visit["by_subject"], visit["by_role"]) == (SUBJECT, "sponsor")
    assert (given["kind"], given["value"], given["note"], given["by_role"]) == ("material_aid", 2_500_000, NOTE,
                                                                                 "sponsor")
    [sponsor] = supervision.get(f"{path}/sponsors", headers=officer_headers()).json()
    assert (sponsor["name"], sponsor["contact"], sponsor["token_subject"], sponsor["active"]) == (
        NAME, CONTACT, SUBJECT, True)

    published = case_events_of(kafka_bootstrap_servers, person, (SponsorAssigned, SupportProvided))
    assert published[SponsorAssigned].sponsor_kind == "business" and str(published[SponsorAssigned].model_id) == MODEL
    assert published[SupportProvided].value == 2_500_000

    ended = supervision.post(f"{path}/sponsors/{sponsor_id}/end", headers=officer_headers(),
                             json={"ended_on": "2026-03-01", "reason": REASON})
    assert ended.status_code == 200, ended.text
    assert supervision.post(f"{path}/visits", json=VISIT, headers=sponsor_headers()).status_code == 404
    again = supervision.post(f"{path}/sponsors/{sponsor_id}/end", headers=officer_headers(),
                             json={"ended_on": "2026-03-02", "reason": "lần nữa"})
    assert again.status_code == 409, again.text
    end = case_events_of(kafka_bootstrap_servers, person, (SponsorshipEnded,), sponsor_id)[SponsorshipEnded]
    assert end.ended_on.isoformat() == "2026-03-01"


def test_a_sponsors_token_is_refused_on_every_endpoint_but_its_own_persons_visits_and_support(registry, supervision):
    person, stranger = opened_case(registry, supervision), opened_case(registry, supervision)
    sponsor_id = assigned_sponsor(supervision, person)
    for endpoint in POLICY.rules.keys() - OPERATIONS.keys():
        for whose in (person, stranger):
            status = sweep_status(supervision, endpoint, whose, sponsor_id)
            if endpoint not in SPONSORS_MAY:
                assert status == 403, f"{endpoint} for {'its' if whose == person else 'another'} person: {status}"
            elif whose == stranger and "{person_id}" in endpoint:
                assert status == 404, f"{endpoint} for another person: {status}"
    other_sponsor = sponsor_headers("sponsor:someone-else")
    assert supervision.post(f"/v1/people/{person}/visits", json=VISIT, headers=other_sponsor).status_code == 404


def test_a_sponsor_lists_the_people_it_sponsors_now_and_an_officer_sponsors_no_one(registry, supervision):
    subject = f"sponsor:list-{uuid.uuid4().hex[:8]}"
    person, other = opened_case(registry, supervision), opened_case(registry, supervision)
    first = assigned_sponsor(supervision, person, subject)
    assigned_sponsor(supervision, other, subject)
    listed = supervision.get("/v1/sponsors/me/people", headers=sponsor_headers(subject))
    assert listed.status_code == 200, listed.text
    assert sorted(entry["person_id"] for entry in listed.json()["people"]) == sorted([person, other])
    assert listed.json()["people"][0] == {"person_id": listed.json()["people"][0]["person_id"],
                                          "commune_code": "00004", "sponsored_since": "2026-02-01"}
    ended = supervision.post(f"/v1/people/{person}/sponsors/{first}/end", headers=officer_headers(),
                             json={"ended_on": "2026-03-01", "reason": REASON})
    assert ended.status_code == 200, ended.text
    after_end = supervision.get("/v1/sponsors/me/people", headers=sponsor_headers(subject)).json()
    assert [entry["person_id"] for entry in after_end["people"]] == [other]
    assert supervision.get("/v1/sponsors/me/people", headers=officer_headers()).json() == {"total": 0, "people": []}


def test_an_assignment_and_support_are_checked_field_by_field(registry, supervision):
    person = opened_case(registry, supervision)
    path = f"/v1/people/{person}"
    no_value = supervision.post(f"{path}/support", json={**AID, "value": None}, headers=officer_headers())
    assert no_value.status_code == 422 and "value" in no_value.text
    valued = supervision.post(f"{path}/support", json={"kind": "counselling", "provided_on": "2026-02-12",
                                                        "value": 5}, headers=officer_headers())
    assert valued.status_code == 422 and "value" in valued.text
    named = supervision.post(f"{path}/sponsors", json={**SPONSOR, "token_subject": "officer-1"},
                             headers=officer_headers())
    assert named.status_code == 422 and "token_subject" in named.text
    assigned_sponsor(supervision, person)
    twice = supervision.post(f"{path}/sponsors", json=SPONSOR, headers=officer_headers())
    assert twice.status_code == 409, twice.text
    unknown = supervision.post(f"{path}/sponsors/{uuid.uuid4()}/end", headers=officer_headers(),
                               json={"ended_on": "2026-03-01", "reason": "x"})
    assert unknown.status_code == 404, unknown.text


def assigned_sponsor(supervision: httpx.Client, person: str, subject: str = SUBJECT) -> str:
    """The id of the sponsor an officer assigned to the person (with this token subject)."""
    answer = supervision.post(f"/v1/people/{person}/sponsors", json={**SPONSOR, "token_subject": subject},
                              headers=officer_headers())
    assert answer.status_code == 200, answer.text
    sponsor_id: str = answer.json()["sponsor_id"]
    return sponsor_id


def sweep_status(supervision: httpx.Client, endpoint: str, person: str, sponsor_id: str) -> int:
    """The status a sponsor's token gets from the endpoint for that person (an empty body: the scope answers
    before the body is read)."""
    method, template = endpoint.split(" ", 1)
    url = (template.replace("{person_id}", person).replace("{sponsor_id}", sponsor_id)
           .replace("{commune_code}", "00004"))
    answer = supervision.request(method, url, headers=sponsor_headers(), json={} if method == "POST" else None)
    return answer.status_code


def case_events_of(bootstrap_servers: str, person_id: str, wanted: tuple[type, ...],
                   *secrets: str) -> dict[type, Any]:
    """The person's events of these types on the supervision topic, once all have arrived, each checked free of
    the sponsor's name, contact and account, the support's note, the end's reason and the other `secrets`."""
    deadline = time.monotonic() + 30
    while True:
        records = [record for record in asyncio.run(read_topic(bootstrap_servers, SUPERVISION_TOPIC, expected=1,
                                                               timeout=5)) if record.key == person_id.encode()]
        found = {type(envelope.data): envelope.data for envelope in
                 (from_kafka_message(record.key, record.value, record.headers) for record in records)}
        if set(wanted) <= set(found) or time.monotonic() > deadline:
            break
    for record in records:
        for secret in (NAME, CONTACT, NOTE, SUBJECT, "moc-viet", REASON, *secrets):
            assert secret.encode() not in record.value, secret
    assert set(wanted) <= set(found), f"only {sorted(kind.__name__ for kind in found)} arrived"
    return found
