"""Offline sync batches for e2e tests: cases opened through the registry, home visits recorded offline on their
first version, a batch sent and its answers, every effect checked once."""

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from tests.support.services import officer_headers
from tests.support.supervision import awaited_case, registered_with_intake

CASES, PER_CASE = 5, 100
BATCH_TIMEOUT = 300.0


def visit(person_id: str, note: str = "Gặp tại nhà", operation_id: str | None = None) -> dict[str, Any]:
    """A home visit recorded offline on the case's first version."""
    return {"operation_id": operation_id or str(uuid.uuid4()), "person_id": person_id, "based_on_version": 1,
            "device_at": "2026-02-10T02:00:00+00:00", "kind": "visit",
            "body": {"kind": "home_visit", "visited_on": "2026-02-10", "outcome": "met", "note": note}}


def batch(*operations: dict[str, Any]) -> dict[str, Any]:
    return {"sent_at": datetime.now(UTC).isoformat(), "operations": list(operations)}


def opened_cases(registry: httpx.Client, supervision: httpx.Client, count: int) -> list[str]:
    people = [registered_with_intake(registry) for _ in range(count)]
    for person_id in people:
        awaited_case(supervision, person_id)
    return people


def five_hundred_visits(people: list[str]) -> dict[str, Any]:
    return batch(*visits_of(people))


def visits_of(people: list[str]) -> list[dict[str, Any]]:
    """PER_CASE home visits for each person, person after person, each with its own note."""
    return [visit(person_id, f"Lần {n}") for person_id in people for n in range(PER_CASE)]


def sent(supervision: httpx.Client, body: dict[str, Any]) -> list[dict[str, Any]]:
    answer = supervision.post("/v1/sync", json=body, headers=officer_headers(), timeout=BATCH_TIMEOUT)
    assert answer.status_code == 200, answer.text
    results: list[dict[str, Any]] = answer.json()["results"]
    return results


def assert_every_effect_once(supervision: httpx.Client, people: list[str]) -> None:
    for person_id in people:
        case = supervision.get(f"/v1/people/{person_id}", headers=officer_headers())
        visits = supervision.get(f"/v1/people/{person_id}/visits", headers=officer_headers()).json()
        opening = 2  # the case opened and its first contact's due day (later home visits move no earlier day)
        assert (case.headers["ETag"], len(visits)) == (f'"{opening + PER_CASE}"', PER_CASE)
        assert sorted(item["note"] for item in visits) == sorted(f"Lần {n}" for n in range(PER_CASE))
