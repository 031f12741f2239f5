"""Against the running service: kill -9 while it syncs a device's upload loses no acknowledged operation and, the
upload resent whole, duplicates none. The service writes a batch a run of operations at a time, so the upload is
large enough (several batches, many runs) for the kill to land in the middle of it."""

import contextlib
import threading
import time
import uuid
from typing import Any

import httpx

from tests.support.services import officer_headers, running_service
from tests.support.supervision_sync import (
    BATCH_TIMEOUT,
    PER_CASE,
    assert_every_effect_once,
    batch,
    opened_cases,
    sent,
    visits_of,
)

PEOPLE = 20
BATCH = 400


def test_kill_9_mid_sync_loses_no_acknowledged_operation_and_duplicates_none(registry, supervision,
                                                                            supervision_database,
                                                                            kafka_bootstrap_servers, logs):
    people = opened_cases(registry, supervision, PEOPLE)
    operations = visits_of(people)
    acknowledged_operations = operations[::5]
    cut_upload = [op for op in operations if op not in acknowledged_operations]
    with running_service("supervision", supervision_database, kafka_bootstrap_servers, logs / "killed.log",
                         kill_on_exit=True, consumer_group=f"supervision-{uuid.uuid4().hex[:8]}") as url, \
            httpx.Client(base_url=url, timeout=BATCH_TIMEOUT) as killed:
        acknowledged = sent(killed, batch(*acknowledged_operations))
        sending = threading.Thread(target=upload_until_killed, args=(killed, cut_upload))
        sending.start()
        wait_for_version(supervision, people[0], 2 + PER_CASE // 5 + 1)  # opened with its due day, the first cut
    sending.join(60)
    again = [result for start in range(0, len(operations), BATCH)
             for result in sent(supervision, batch(*operations[start:start + BATCH]))]
    acknowledged_ids = {op["operation_id"] for op in acknowledged_operations}
    cut_statuses = {result["status"] for result in again if result["operation_id"] not in acknowledged_ids}
    assert cut_statuses == {"duplicate", "accepted"}, "killed before or after the cut upload, not while syncing it"
    answered_again = {result["operation_id"]: result for result in again}
    for result in acknowledged:
        assert answered_again[result["operation_id"]]["status"] == "duplicate"
        assert answered_again[result["operation_id"]]["first_answer"]["version"] == result["version"]
    assert_every_effect_once(supervision, people)


def wait_for_version(supervision: httpx.Client, person_id: str, version: int) -> None:
    """Until the case reaches the version (the killed service is syncing the upload)."""
    deadline = time.monotonic() + 60
    while version_of(supervision, person_id) < version:
        assert time.monotonic() < deadline, f"the case never reached version {version}"
        time.sleep(0.01)


def version_of(supervision: httpx.Client, person_id: str) -> int:
    return int(supervision.get(f"/v1/people/{person_id}", headers=officer_headers()).headers["ETag"].strip('"'))


def upload_until_killed(client: httpx.Client, operations: list[dict[str, Any]]) -> None:
    """Send the upload, batch after batch, to a service about to be killed: the answers stop coming."""
    with contextlib.suppress(httpx.HTTPError):
        for start in range(0, len(operations), BATCH):
            client.post("/v1/sync", json=batch(*operations[start:start + BATCH]), headers=officer_headers())
