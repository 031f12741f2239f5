"""The authorization matrix: every endpoint of every service, called by every agency × role from inside the
record's commune, from another commune of its province and from another province (and with no token, and with
a token for another service), answers as the service's declared policy says. An endpoint the policy lacks, or a
rule for an endpoint the service lacks, fails the test."""

import asyncio
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.auth.policy import AccessPolicy, Rule, Where
from hoanhap.vietnam_time import vietnam_today
from hoanhap_credit.access_policy import POLICY as CREDIT
from hoanhap_devstack.databases import create_database
from hoanhap_registry.access_policy import POLICY as REGISTRY
from hoanhap_stats.access_policy import POLICY as STATS
from hoanhap_supervision.access_policy import POLICY as SUPERVISION
from tests.support.credit import bank_headers, borrower_body, business_body
from tests.support.services import bearer_headers, officer_headers, release_body, running_service
from tests.support.spreadsheets import csv_file, table
from tests.support.supervision import opened_case

PERSON = "{person_id}"
YEAR = {"from": "2025-01-01", "to": "2025-12-31", "province_code": "01"}
CASE_BODIES = {
    "residence-confirmation": {"confirmed_on": "2026-01-12"},
    "intake": {"commitment_on": "2026-01-16", "information_sheet_on": "2026-01-16"},
    "residence-changes": {"province_code": "01", "commune_code": "00070", "moved_on": "2026-03-01"},
    "reoffences": {"committed_on": "2026-05-01", "offence_articles": [173], "status": "arrest_pending_trial"},
    "closure": {"closed_on": "2027-01-15", "reason": "other", "note": "moved abroad"},
    "erasure": {"erased_on": "2027-01-15"},
    "assessments": {"risk_group": "B", "assessed_on": "2026-02-01", "reason": "lost his job",
                    "factors": {"work_and_income": "none", "housing": "stable", "family": "supportive",
                                "substance_use": "none", "compliance": "complies"}},
    "visits": {"kind": "home_visit", "visited_on": "2026-02-01", "outcome": "met"},
    "officer": {"officer": "officer-9", "assigned_on": "2026-02-01"},
    "sponsors": {"kind": "individual", "name": "Nguyễn Văn Bảo", "assigned_on": "2026-02-01"},
    "sponsors/end": {"ended_on": "2026-03-01", "reason": "moved away"},
    "support": {"kind": "counselling", "provided_on": "2026-02-01"},
    "id_card": {"status": "in_progress", "note": "đã nộp hồ sơ", "changed_on": "2026-02-01"},  # plan/{area}
    "appointments": {"starts_at": "2026-02-01T08:00:00+07:00", "where": "UBND xã", "with_whom": "cán bộ tư pháp",
                     "purpose": "plan_review"},
    "outcome": {"outcome": "attended", "outcome_on": "2026-02-01"},
    "models": {"title": "Tổ tự quản", "level": "commune", "province_code": "01", "commune_codes": ["00004"],
               "lead_organisation": "Hội Phụ nữ", "launched_on": "2026-01-10"},
    "members": {"person_id": PERSON, "joined_on": "2026-02-01"},
    "member-removals": {"person_id": PERSON, "left_on": "2026-02-02"},
    "models/end": {"ended_on": "2026-02-03"},
    "outreach": {"activity": "leaflet", "quantity": 200, "province_code": "01", "commune_code": "00004",
                 "held_on": "2026-02-01"},
    "borrower-lists": {"excluded_person_ids": []},
    "certification": {"certified_on": vietnam_today().isoformat(), "certified_by": "Chủ tịch UBND xã"},
    "sync": {"sent_at": "2026-02-01T08:00:00+07:00", "operations": [
        {"operation_id": str(uuid.uuid4()), "person_id": str(uuid.uuid4()), "device_at": "2026-02-01T08:00:00+07:00",
         "based_on_version": 1, "kind": "visit", "body": {"kind": "home_visit", "visited_on": "2026-02-01",
                                                           "outcome": "met"}}]},
}

TODAY = vietnam_today()
CREDIT_BODIES = {  # a business's loan of commune 00004, taken from application to write-off by the calls in turn
    "borrowers": borrower_body(), "businesses": business_body(),
    "loans": {"business_id": "{business_id}", "purpose": "job_creation", "amount": 200_000_000, "term_months": 12,
              "security_offered": True, "plan_confirmed_on": TODAY.isoformat(),
              "workforce": {"total_workers": 20, "eligible_workers_on_contract": 5}},
    "approval": {"amount": 200_000_000, "term_months": 12, "plan": "quarterly", "secured": True},
    "disbursements": {"amount": 100_000_000, "disbursed_on": TODAY.isoformat()},
    "repayments": {"payment_id": str(uuid.uuid4()), "amount": 1_000_000, "paid_on": TODAY.isoformat()},
    "extensions": {"instalment": 1, "due_on": (TODAY + timedelta(days=100)).isoformat(), "reason": "mất mùa"},
    "write-off": {"reason": "người vay qua đời"}, "rejection": {"reason": "thiếu hồ sơ"}, "withdrawal": {},
}
CASE_BODIES.update(CREDIT_BODIES)

LISTS = {  # an officer's existing list, imported: its kind by the path's part before /import
    "models": [["Tên mô hình", "Cấp", "Ngày ra mắt", "Tổ chức chủ trì"], ["Tổ tự quản", "Cấp xã", "10/01/2026",
                                                                           "Hội Phụ nữ"]],
    "outreach": [["Hình thức", "Số lượng", "Ngày thực hiện"], ["Tờ rơi", "200", "01/02/2026"]],
}


@dataclass(frozen=True)
class Place:
    """Where a caller's token puts them, seen from a record in commune 00004 of province 01."""

    name: str
    jurisdiction: Jurisdiction


RECORDED: dict[str, str] = {}
"""Path parameters naming a record the test made on the supervised person's case (its first admitted write may
change it, the later ones are 409), by the parameter."""
OWN = Place("own commune", Jurisdiction(province="01", communes=("00004",)))
OTHER_COMMUNE = Place("another commune of the province", Jurisdiction(province="01", communes=("00070",)))
OTHER_PROVINCE = Place("another province", Jurisdiction(province="79"))
CALLERS = [(agency, role, place) for agency in Agency for role in Role for place in (OTHER_PROVINCE, OTHER_COMMUNE,
                                                                                      OWN)]


def example_request(endpoint: str, registry: httpx.Client, supervised: str | None = None,
                    sponsor_id: str | None = None, model: str | None = None) -> dict[str, Any]:
    """A request to the endpoint that its handler would serve for a caller it admits (a fresh person for each
    call to a registry case, since an admitted call may change or close it; the supervised person, whose case no
    call closes, for supervision's, and the local model of their commune)."""
    method, path = endpoint.split(" ", 1)
    if PERSON in path:
        person = supervised or registry.post("/v1/releases", json=release_body(),
                                             headers=officer_headers()).json()["person_id"]
        path = path.replace(PERSON, person)
    path = path.replace("{commune_code}", "00004").replace("{province_code}", "01")
    path = path.replace("{import_id}", str(uuid.uuid4())).replace("{sponsor_id}", sponsor_id or str(uuid.uuid4()))
    path = path.replace("{model_id}", str(model))
    path = path.replace("{area}", "id_card")
    for parameter, record_id in RECORDED.items():
        path = path.replace(parameter, record_id)
    request: dict[str, Any] = {"method": method, "url": path}
    if path.startswith("/v1/") and method == "GET" and "/people" not in path and "/imports" not in path:
        request["params"] = {**YEAR, **({"months": 12} if path.endswith("cohort") else {})}
    if method == "POST":
        if path == "/v1/releases":
            request["json"] = release_body()
        elif path == "/v1/people/search":
            request["json"] = {"citizen_id": "001090001234"}
        elif path == "/v1/imports":
            request.update(params={"filename": "danh-sach.csv"}, content=csv_file(table([release_body()])))
        elif path.endswith("/import"):
            request.update(params={"filename": "danh-sach.csv"}, content=csv_file(LISTS[path.split("/")[-2]]))
        else:
            body = CASE_BODIES[body_name(path)]
            request["json"] = {name: supervised if value == PERSON else RECORDED.get(str(value), value)
                               for name, value in body.items()}
    return request


def expected(rule: Rule, agency: Agency, role: Role, place: Place) -> set[int] | str:
    """The statuses the policy allows for this caller, or "served" when the handler must serve it."""
    if not rule.public and (agency not in rule.agencies or role not in rule.roles):
        return {403}
    if rule.public or rule.where in (Where.NOWHERE, Where.OWN) or place is OWN:
        return "served"
    if rule.where is Where.RECORD and place is OTHER_PROVINCE:
        return {404}
    return {403}


def status_of(client: httpx.Client, request: dict[str, Any], headers: dict[str, str]) -> int:
    """The answer's status, without reading a stream (the live feed never ends)."""
    with client.stream(**request, headers=headers) as answer:
        return answer.status_code


def assert_served(status: int, rule: Rule, what: str) -> None:
    allowed = {404} if rule.where is Where.OWN else set()  # e.g. someone else's import: not theirs to see
    assert 200 <= status < 400 or status == 409 or status in allowed, what


@pytest.fixture(scope="module")
def services(endpoints, kafka_bootstrap_servers, tmp_path_factory) -> Iterator[dict[str, httpx.Client]]:
    logs = tmp_path_factory.mktemp("matrix")
    urls: dict[str, str] = {}
    contexts = []
    for service in ("registry", "stats", "supervision", "credit"):
        database = asyncio.run(create_database(endpoints, f"matrix_{service}_{uuid.uuid4().hex[:6]}"))
        extra = {"consumer_group": f"matrix-{uuid.uuid4().hex[:6]}"} if service in ("stats", "supervision") else {}
        context = running_service(service, database, kafka_bootstrap_servers, logs / f"{service}.log", **extra)
        urls[service] = context.__enter__()
        contexts.append(context)
    clients = {service: httpx.Client(base_url=url, timeout=30) for service, url in urls.items()}
    try:
        yield clients
    finally:
        for client in clients.values():
            client.close()
        for context in reversed(contexts):
            context.__exit__(None, None, None)


@pytest.mark.parametrize("policy", [REGISTRY, STATS, SUPERVISION, CREDIT], ids=lambda policy: policy.service)
def test_every_endpoint_answers_every_caller_as_the_declared_policy_says(services, policy: AccessPolicy):
    client = services[policy.service]
    described = {f"{method.upper()} {path}" for path, operations in client.get("/openapi.json").json()["paths"].items()
                 for method in operations}
    assert described <= set(policy.rules), f"endpoints without a rule: {described - set(policy.rules)}"
    supervised = opened_case(services["registry"], client) if policy.service == "supervision" else None
    sponsor_id = sponsor_of(client, supervised) if supervised else None
    model = launched_model(client) if policy.service == "supervision" else None
    if supervised:
        RECORDED["{appointment_id}"] = appointment_of(client, supervised)
    if policy.service == "registry":
        RECORDED["{list_id}"] = borrower_list_of(client)
    if policy.service == "credit":
        RECORDED.update(credit_records(client))
    for endpoint, rule in policy.rules.items():
        without_token = status_of(client, example_request(endpoint, services["registry"], supervised, sponsor_id,
                                                          model), {})
        if rule.public:
            assert_served(without_token, rule, f"{endpoint} without a token")
        else:
            assert without_token == 401, f"{endpoint} without a token"
            other_service = bearer_headers(principal(Agency.POLICE, Role.SUPERVISOR, OWN), services=("credit",)
                                           if policy.service != "credit" else ("registry",))
            assert status_of(client, example_request(endpoint, services["registry"], supervised, sponsor_id, model),
                             other_service) == 401, \
                f"{endpoint} with a token for another service"
        for agency, role, place in CALLERS:
            request = example_request(endpoint, services["registry"], supervised, sponsor_id, model)
            status = status_of(client, request, bearer_headers(principal(agency, role, place)))
            what = f"{endpoint} by {agency.value} {role.value} of {place.name}: {status}"
            allowed = expected(rule, agency, role, place)
            if allowed == "served":
                assert_served(status, rule, what)
            else:
                assert status in allowed, what


def sponsor_of(supervision: httpx.Client, person_id: str) -> str:
    """A sponsor assigned to the supervised person, for the endpoints that name one (the first admitted end ends
    it, the later ones are 409)."""
    answer = supervision.post(f"/v1/people/{person_id}/sponsors", json=CASE_BODIES["sponsors"],
                              headers=officer_headers())
    assert answer.status_code == 200, answer.text
    sponsor_id: str = answer.json()["sponsor_id"]
    return sponsor_id


def appointment_of(supervision: httpx.Client, person_id: str) -> str:
    """An appointment with the supervised person, for the endpoint recording its outcome (the first admitted one
    records it, the later ones are 409)."""
    answer = supervision.post(f"/v1/people/{person_id}/appointments", json=CASE_BODIES["appointments"],
                              headers=officer_headers())
    assert answer.status_code == 200, answer.text
    appointment_id: str = answer.json()["appointment_id"]
    return appointment_id


def borrower_list_of(registry: httpx.Client) -> str:
    """A borrower list (Form 01) of commune 00004, for the endpoints that name one (the first admitted
    certification certifies it, the later ones are 409)."""
    answer = registry.post("/v1/communes/00004/borrower-lists", json={}, headers=officer_headers())
    assert answer.status_code == 201, answer.text
    list_id: str = answer.json()["list_id"]
    return list_id


def launched_model(supervision: httpx.Client) -> str:
    """A local model of commune 00004, where the supervised person lives."""
    answer = supervision.post("/v1/models", json=CASE_BODIES["models"], headers=officer_headers())
    assert answer.status_code == 201, answer.text
    model_id: str = answer.json()["model_id"]
    return model_id


def credit_records(credit: httpx.Client) -> dict[str, str]:
    """A borrower, and a business with a loan applied for, in commune 00004 (the calls to the loan's endpoints take
    it from approval to write-off; the later ones are 409)."""
    borrower = credit.post("/v1/borrowers", json=borrower_body(), headers=bank_headers())
    business = credit.post("/v1/businesses", json=business_body(), headers=bank_headers())
    assert borrower.status_code == business.status_code == 201, borrower.text + business.text
    business_id = business.json()["business_id"]
    loan = credit.post("/v1/loans", json={**CREDIT_BODIES["loans"], "business_id": business_id},
                       headers=bank_headers())
    assert loan.status_code == 201 and loan.json()["status"] == "applied", loan.text
    return {"{borrower_id}": borrower.json()["borrower_id"], "{business_id}": business_id,
            "{loan_id}": loan.json()["loan_id"]}


def body_name(path: str) -> str:
    """The body a write is sent with: named by the path's last part, an end by what it ends ("models/end")."""
    parts = path.split("/")
    return f"{parts[-3]}/end" if parts[-1] == "end" else parts[-1]


def principal(agency: Agency, role: Role, place: Place) -> Principal:
    return Principal(sub=f"{agency.value}-{role.value}", agency=agency, role=role, jurisdiction=place.jurisdiction)
