"""Against the running service: kill -9 while it syncs a batch loses no acknowledged operation and, the batch
resent whole, duplicates none."""

import contextlib
import threading
import time
import uuid
from typing import Any

import httpx

from tests.support.services import officer_headers, running_service
from tests.support.supervision_sync import (
    BATCH_TIMEOUT,
    CASES,
    PER_CASE,
    assert_every_effect_once,
    batch,
    five_hundred_visits,
    opened_cases,
    sent,
)


def test_kill_9_mid_sync_loses_no_acknowledged_operation_and_duplicates_none(registry, supervision,
                                                                            supervision_database,
                                                                            kafka_bootstrap_servers, logs):
    people = opened_cases(registry, supervision, CASES)
    operations = five_hundred_visits(people)["operations"]
    acknowledged_batch, cut_batch = batch(*operations[::5]), batch(*[op for op in operations if op not in
                                                                    operations[::5]])
    with running_service("supervision", supervision_database, kafka_bootstrap_servers, logs / "killed.log",
                         kill_on_exit=True, consumer_group=f"supervision-{uuid.uuid4().hex[:8]}") as url, \
            httpx.Client(base_url=url, timeout=BATCH_TIMEOUT) as killed:
        acknowledged = sent(killed, acknowledged_batch)
        sending = threading.Thread(target=post_until_killed, args=(killed, cut_batch))
        sending.start()
        wait_for_version(supervision, people[0], 1 + PER_CASE // 5 + 1)
    sending.join(60)
    again = sent(supervision, batch(*operations))
    cut_statuses = {result["status"] for result in again if result["operation_id"] not in
                    {op["operation_id"] for op in acknowledged_batch["operations"]}}
    assert cut_statuses == {"duplicate", "accepted"}, "killed before or after the cut batch, not while syncing it"
    answered_again = {result["operation_id"]: result for result in again}
    for result in acknowledged:
        assert answered_again[result["operation_id"]]["status"] == "duplicate"
        assert answered_again[result["operation_id"]]["first_answer"]["version"] == result["version"]
    assert_every_effect_once(supervision, people)


def wait_for_version(supervision: httpx.Client, person_id: str, version: int) -> None:
    """Until the case reaches the version (the killed service is syncing the batch)."""
    deadline = time.monotonic() + 60
    while version_of(supervision, person_id) < version:
        assert time.monotonic() < deadline, f"the case never reached version {version}"
        time.sleep(0.01)


def version_of(supervision: httpx.Client, person_id: str) -> int:
    return int(supervision.get(f"/v1/people/{person_id}", headers=officer_headers()).headers["ETag"].strip('"'))


def post_until_killed(client: httpx.Client, body: dict[str, Any]) -> None:
    """Send the batch to a service about to be killed: its answer never comes."""
    with contextlib.suppress(httpx.HTTPError):
        client.post("/v1/sync", json=body, headers=officer_headers())
