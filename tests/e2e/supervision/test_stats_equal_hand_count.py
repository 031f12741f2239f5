"""The whole chain, on the real services, Kafka and PostgreSQL: releases registered in the registry over HTTP, their
cases opened in supervision from the registry topic, then assessments, contacts (met and not), support with its
value in VND, sponsors, plan statuses, a local model and outreach through supervision's HTTP API; stats, projecting
the real topics, answers every supervision figure it serves (listed from its router, so none is missed) for the
commune and its province, read by a steering-committee analyst of the province (exact figures), and each equals a
count made here by hand from what this test did. Only this test registers people in Cà Mau (96).
"""

import asyncio
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap_devstack.databases import create_database
from hoanhap_stats.supervision.api import router as stats_supervision
from tests.support.services import bearer_headers, officer_headers, running_service
from tests.support.supervision import awaited_case, registered_with_intake

PROVINCE, HERE, THERE = "96", "31825", "31834"
PERIOD = {"from": "2026-01-01", "to": "2026-06-30"}  # every case opened on 2026-01-16 (tests/support/supervision)
OFFICER = officer_headers(PROVINCE)
ANALYST = bearer_headers(Principal(sub="analyst-1", agency=Agency.STEERING_COMMITTEE, role=Role.ANALYST,
                                   jurisdiction=Jurisdiction(province=PROVINCE)))
PLACE = {"p1": HERE, "p2": HERE, "p3": HERE, "p4": HERE, "p5": THERE}
ASSESSED = {"p1": ("D", "2026-03-01"), "p2": ("A", "2026-02-01"), "p4": ("B", "2026-02-01"),
            "p5": ("D", "2026-02-01")}  # p3 is never assessed
CONTACTS = [("p1", "home_visit", "2026-02-20", "met"), ("p2", "home_visit", "2026-04-10", "met"),
            ("p2", "reported_at_commune", "2026-05-01", "met"), ("p2", "phone_call", "2026-05-02", "not_at_home"),
            ("p3", "home_visit", "2026-06-25", "refused"), ("p4", "reported_at_commune", "2026-06-01", "met"),
            ("p4", "phone_call", "2026-06-20", "met"), ("p4", "home_visit", "2026-06-20", "met"),
            ("p5", "reported_at_commune", "2026-02-03", "met")]
COMPLYING_ON_30_JUNE = {"p1", "p2", "p4", "p5"}
"""By the default standard: p1 and p5 are in group D (no contact due); p2 (A, 90 days) is next due a home visit on
9 July; p4 (B) a report on 1 July; p3 (unassessed, as B) was due a phone call on 30 January, never met."""
SUPPORT = [("p1", "material_aid", "2026-03-05", 2_000_000, True), ("p3", "counselling", "2026-03-10", None, False),
           ("p4", "material_aid", "2026-06-02", 500_000, False), ("p5", "job_referral", "2026-02-05", None, False)]
SPONSORS = [("p1", "individual", "2026-02-10", True, None), ("p2", "organisation", "2026-03-01", False, "2026-05-15"),
            ("p5", "business", "2026-02-02", False, None)]  # (person, kind, assigned, for the model, ended)
PLAN = [("p1", "id_card", "in_progress", "2026-02-01"), ("p1", "id_card", "met", "2026-05-01"),
        ("p2", "loans", "support_needed", "2026-03-01"), ("p2", "family", "met", "2026-04-01"),
        ("p3", "health", "in_progress", "2026-02-15"), ("p4", "id_card", "met", "2026-03-03"),
        ("p4", "id_card", "in_progress", "2026-04-04"), ("p4", "id_card", "met", "2026-06-06")]
PLAN_AREAS_HERE = {"id_card": (2, 2, 3), "loans": (1, 0, 0), "family": (1, 1, 1), "health": (1, 0, 0)}
"""(people with the area in their plan on 30 June, with it met then, areas that became met): p1 and p4 met the
ID card, p4 twice; p5, the only one elsewhere, has no plan, so the province counts the same."""
OUTREACH = [("mobile_session", 2, 40, HERE, "2026-04-01"), ("banner", 5, None, HERE, "2026-05-01"),
            ("leaflet", 100, None, THERE, "2026-05-02"), ("social_media_post", 3, None, HERE, "2026-05-03"),
            ("job_introduction_conference", 1, 120, None, "2026-05-20")]  # the last province-wide (no commune)
DESCRIBING = {"from", "to", "province_code", "commune_code", "release_type", "sex", "age_band", "offence_group",
              "disclosure", "measure"}
"""The fields every answer starts with (the question and how it is shown); every other field is a figure."""


@pytest.fixture(scope="module")
def stats(endpoints, kafka_bootstrap_servers, logs) -> Iterator[httpx.Client]:
    """Stats on a database of its own, projecting the real topics from their start."""
    database = asyncio.run(create_database(endpoints, f"hand_count_stats_{uuid.uuid4().hex[:6]}"))
    with running_service("stats", database, kafka_bootstrap_servers, logs / "stats.log",
                         consumer_group=f"hand-count-{uuid.uuid4().hex[:6]}") as url, \
            httpx.Client(base_url=url, timeout=60) as client:
        yield client


def test_every_stats_supervision_figure_equals_the_count_by_hand(registry, supervision, stats):
    people = {name: registered_with_intake(registry, OFFICER, province_code=PROVINCE, commune_code=commune)
              for name, commune in PLACE.items()}
    for person_id in people.values():
        awaited_case(supervision, person_id, OFFICER)
    model_id = launched_model(supervision)
    record_supervision(supervision, people, model_id)
    for activity, quantity, attendance, commune, held_on in OUTREACH:
        posted(supervision, "/v1/outreach", {"activity": activity, "quantity": quantity, "attendance": attendance,
                                             "province_code": PROVINCE, "commune_code": commune, "held_on": held_on})

    paths = {route.path for route in stats_supervision.routes}  # type: ignore[attr-defined]
    for place in (HERE, None):
        expected = hand_counts(place)
        assert set(expected) == paths, "every supervision figure stats serves is counted by hand"
        for path, figures in expected.items():
            assert settled(stats, path, place, figures) == figures, (path, place)


def launched_model(supervision: httpx.Client) -> str:
    model = posted(supervision, "/v1/models", {
        "title": "Tổ tự quản giúp người lầm lỗi", "level": "commune", "province_code": PROVINCE,
        "commune_codes": [HERE, THERE], "lead_organisation": "Hội Phụ nữ xã", "launched_on": "2026-01-10"})
    return str(model["model_id"])


def record_supervision(supervision: httpx.Client, people: dict[str, str], model_id: str) -> None:
    """Assessments, contacts, support, sponsors and plan statuses through supervision's HTTP API."""
    factors = {"work_and_income": "irregular", "housing": "stable", "family": "supportive", "substance_use": "none",
               "compliance": "complies"}
    for name, (group, day) in ASSESSED.items():
        posted(supervision, f"/v1/people/{people[name]}/assessments",
               {"risk_group": group, "assessed_on": day, "reason": "đánh giá định kỳ", "factors": factors})
    for name, kind, day, outcome in CONTACTS:
        posted(supervision, f"/v1/people/{people[name]}/visits", {"kind": kind, "visited_on": day, "outcome": outcome})
    for name, kind, day, value, through_model in SUPPORT:
        posted(supervision, f"/v1/people/{people[name]}/support", {
            "kind": kind, "provided_on": day, "value": value, "model_id": model_id if through_model else None})
    for name, kind, day, through_model, ended_on in SPONSORS:
        sponsor = posted(supervision, f"/v1/people/{people[name]}/sponsors", {
            "kind": kind, "name": "Người đỡ đầu", "assigned_on": day, "model_id": model_id if through_model else None})
        if ended_on:
            posted(supervision, f"/v1/people/{people[name]}/sponsors/{sponsor['sponsor_id']}/end",
                   {"ended_on": ended_on, "reason": "chuyển công tác"})
    for name, area, status, day in PLAN:
        posted(supervision, f"/v1/people/{people[name]}/plan/{area}", {"status": status, "changed_on": day})


def posted(supervision: httpx.Client, path: str, body: dict[str, object]) -> dict[str, object]:
    answer = supervision.post(path, json=body, headers={**OFFICER, "Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code in (200, 201), (path, answer.text)
    return dict(answer.json())


def hand_counts(commune: str | None) -> dict[str, dict[str, object]]:
    """Each figure, counted from the lists above, for the commune (None: the province)."""
    here = {name for name, place in PLACE.items() if commune in (None, place)}
    met = [(name, kind) for name, kind, _, outcome in CONTACTS if name in here and outcome == "met"]
    support = [row for row in SUPPORT if row[0] in here]
    sponsors = [row for row in SPONSORS if row[0] in here]
    outreach = [row for row in OUTREACH if commune in (None, row[3])]
    return {
        "/v1/supervision/visits": {
            "visits": len(met), "by_kind": count_by([kind for _, kind in met], VISIT_KINDS),
            "coverage": rate(len({name for name, _ in met}), len(here))},
        "/v1/supervision/risk-groups": {"people": len(here), "by_risk_group": count_by(
            [ASSESSED[name][0] if name in ASSESSED else "not_assessed" for name in here], RISK_GROUPS)},
        "/v1/supervision/support": {
            "given": len(support), "by_kind": count_by([kind for _, kind, *_ in support], SUPPORT_KINDS),
            "value_vnd": sum(value or 0 for *_, value, _ in support),
            "value_vnd_by_kind": {kind: sum(row[3] or 0 for row in support if row[1] == kind)
                                  for kind in SUPPORT_KINDS}},
        "/v1/supervision/sponsors": {
            "sponsors": len(sponsors), "by_sponsor_kind": count_by([kind for _, kind, *_ in sponsors], SPONSOR_KINDS),
            "through_local_models": sum(1 for *_, through_model, _ in sponsors if through_model),
            "ended": sum(1 for *_, ended_on in sponsors if ended_on),
            "active_at_end": sum(1 for *_, ended_on in sponsors if not ended_on)},
        "/v1/supervision/community": {
            "models_launched": {"commune": 1, "district": 0}, "models_in_place": {"commune": 1, "district": 0},
            "outreach": {activity: {"held": sum(1 for row in outreach if row[0] == activity),
                                    "quantity": sum(row[1] for row in outreach if row[0] == activity),
                                    "attendance": attendance_of(activity, outreach)} for activity in OUTREACH_KINDS}},
        "/v1/supervision/contact-compliance": {
            "measured_on": PERIOD["to"], "complying": len(here & COMPLYING_ON_30_JUNE), "supervised": len(here),
            "compliance": rate(len(here & COMPLYING_ON_30_JUNE), len(here))},
        "/v1/supervision/plan-areas": {"people": len(here), **{
            name: {area: PLAN_AREAS_HERE.get(area, (0, 0, 0))[at] for area in NEED_AREAS}
            for at, name in enumerate(("in_plan", "met", "became_met"))}},
    }


VISIT_KINDS = ("home_visit", "reported_at_commune", "phone_call")
RISK_GROUPS = ("A", "B", "C", "D", "not_assessed")
SUPPORT_KINDS = ("counselling", "vocational_training", "job_referral", "loan_assistance", "residence_and_id_papers",
                 "material_aid")
SPONSOR_KINDS = ("individual", "organisation", "business")
OUTREACH_KINDS = ("loudspeaker_broadcast", "news_item", "mobile_session", "banner", "leaflet", "job_counselling",
                  "social_media_post", "document_handout", "job_introduction_conference")
GATHERINGS = ("mobile_session", "job_counselling", "job_introduction_conference")
NEED_AREAS = ("work_and_income", "vocational_training", "housing_and_residence_papers", "id_card", "family", "health",
              "substance_use", "legal_aid", "loans")


def count_by(values: list[str], keys: tuple[str, ...]) -> dict[str, int]:
    return {key: values.count(key) for key in keys}


def rate(numerator: int, denominator: int) -> dict[str, object]:
    return {"numerator": numerator, "denominator": denominator, "rate": numerator / denominator, "suppressed": False}


def attendance_of(activity: str, outreach: list[tuple[str, int, int | None, str | None, str]]) -> int | None:
    """People who attended a gathering; none is counted for other activities."""
    if activity not in GATHERINGS:
        return None
    return sum(row[2] or 0 for row in outreach if row[0] == activity)


def settled(stats: httpx.Client, path: str, commune: str | None, expected: dict[str, object],
            timeout: float = 90) -> dict[str, object]:
    """The figure's answer, reduced to the expected fields, once it equals them (stats caught up) or at the deadline."""
    place = {"province_code": PROVINCE, **({"commune_code": commune} if commune else {})}
    deadline = time.monotonic() + timeout
    while True:
        answer = stats.get(path, params={**PERIOD, **place}, headers=ANALYST)
        assert answer.status_code == 200, answer.text
        assert answer.json()["disclosure"]["view"] == "jurisdiction", "the analyst of the province sees exactly"
        assert set(answer.json()) - DESCRIBING == set(expected), f"{path}: every figure in the answer is counted"
        shown = {name: answer.json()[name] for name in expected}
        if shown == expected or time.monotonic() > deadline:
            return shown
        time.sleep(0.5)
