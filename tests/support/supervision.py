"""The supervision service as a process beside the registry, and a case opened in it through the registry (a
release registered, its intake recorded, the case awaited), for e2e tests."""

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.support.services import officer_headers, release_body, running_service

INTAKE = {"commitment_on": "2026-01-16", "information_sheet_on": "2026-01-16"}


@contextmanager
def running_supervision(database_url: str, bootstrap_servers: str, log_file: Path, workers: int = 1) -> Iterator[str]:
    """Start `hoanhap-supervision` (with this many HTTP worker processes) with a consumer group of its own (it reads
    the registry topic from the start), wait until ready, yield its base URL, stop it."""
    group = f"supervision-{uuid.uuid4().hex[:8]}"
    with running_service("supervision", database_url, bootstrap_servers, log_file, workers,
                         consumer_group=group) as url:
        yield url


def registered_with_intake(registry: httpx.Client, headers: dict[str, str] | None = None, **release: object) -> str:
    """A person released into commune 00004 of Hà Nội (or as release says) whose intake the registry recorded."""
    headers = headers or officer_headers()
    answer = registry.post("/v1/releases", json=release_body(**release), headers=headers)
    assert answer.status_code == 201, answer.text
    person_id: str = answer.json()["person_id"]
    intake = registry.post(f"/v1/people/{person_id}/intake", json=INTAKE, headers=headers)
    assert intake.status_code == 200, intake.text
    return person_id


def awaited_case(supervision: httpx.Client, person_id: str, headers: dict[str, str] | None = None,
                 timeout: float = 30.0) -> dict[str, object]:
    """The person's supervision case once the registry's facts have opened it."""
    deadline = time.monotonic() + timeout
    while True:
        answer = supervision.get(f"/v1/people/{person_id}", headers=headers or officer_headers())
        if answer.status_code == 200:
            case: dict[str, object] = answer.json()
            return case
        assert answer.status_code == 404, answer.text
        assert time.monotonic() < deadline, f"no supervision case for {person_id} within {timeout} s"
        time.sleep(0.2)


def opened_case(registry: httpx.Client, supervision: httpx.Client, **release: object) -> str:
    """A person with a supervision case open in commune 00004 (or as release says)."""
    person_id = registered_with_intake(registry, **release)
    awaited_case(supervision, person_id)
    return person_id
