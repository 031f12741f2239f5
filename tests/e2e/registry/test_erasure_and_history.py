"""Erasure destroys names and ID numbers while the history stays and verifies; history reads are recorded."""

import asyncio
import os
import uuid
from datetime import UTC, datetime

import asyncpg
import pytest

from tests.support.postgres_files import files_containing, table_files
from tests.support.services import officer_headers, release_body, supervisor_headers


async def test_erased_name_and_citizen_id_are_in_no_table_file_and_the_history_still_verifies(registry, database_url):
    if os.environ.get("POSTGRES_URL") or os.environ.get("STACK") == "containers":
        pytest.skip("needs the devstack's own PostgreSQL files")
    body = release_body(full_name="Lê Văn Erasmus")
    person = registry.post("/v1/releases", json=body, headers=officer_headers()).json()["person_id"]
    before = registry.get(f"/v1/people/{person}", headers=officer_headers()).json()
    assert before["identity"]["full_name"] == "Lê Văn Erasmus"

    erased = registry.post(f"/v1/people/{person}/erasure", json={"erased_on": "2026-03-01"},
                           headers=supervisor_headers())
    assert erased.status_code == 200

    files = await table_files(database_url)
    assert len(files) > 5, "the grep must cover the registry's tables"
    assert files_containing(files, body["facility"].encode()), "control: what is stored in clear is found"
    assert files_containing(files, body["full_name"].encode()) == []
    assert files_containing(files, body["citizen_id"].encode()) == []
    after = registry.get(f"/v1/people/{person}", headers=officer_headers()).json()
    assert after["identity"] is None and after["status"] == "erased"
    history = registry.get(f"/v1/people/{person}/history", headers=officer_headers()).json()
    assert history["verification"] == {"ok": True, "events_checked": 2, "first_bad_event": None}
    assert [event["type"] for event in history["events"]] == ["ReleaseRegistered", "PersonErased"]
    again = registry.post("/v1/releases", json=body, headers=officer_headers())
    assert again.status_code == 201, "an erased person's digest no longer blocks a new registration"


async def test_history_as_of_gives_the_state_then_and_every_read_is_recorded(registry, database_url):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]
    await asyncio.sleep(0.05)
    between = datetime.now(UTC)
    await asyncio.sleep(0.05)
    registry.post(f"/v1/people/{person}/residence-confirmation", json={"confirmed_on": "2026-01-12"},
                  headers=officer_headers())

    then = registry.get(f"/v1/people/{person}/history", params={"as_of": between.isoformat()},
                        headers=officer_headers(sub="auditor-9"))
    now = registry.get(f"/v1/people/{person}/history", headers=officer_headers(sub="auditor-9")).json()

    assert then.status_code == 200, then.text
    assert [event["type"] for event in then.json()["events"]] == ["ReleaseRegistered"]
    assert then.json()["state"]["confirmation"]["confirmed_on"] is None
    assert now["state"]["confirmation"]["confirmed_on"] == "2026-01-12"
    assert now["events"][1]["actor"] == "officer-1" and now["events"][1]["recorded_at_local"].endswith("+07:00")
    connection = await asyncpg.connect(database_url)
    try:
        reads = await connection.fetch("SELECT reader, agency, as_of FROM history_reads WHERE person_id = $1 "
                                       "ORDER BY read_at", uuid.UUID(person))
    finally:
        await connection.close()
    assert [(row["reader"], row["agency"], row["as_of"] is not None) for row in reads] == [
        ("auditor-9", "police", True), ("auditor-9", "police", False)]


def test_history_as_of_without_a_timezone_is_refused_naming_the_field(registry):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]
    answer = registry.get(f"/v1/people/{person}/history", params={"as_of": "2026-03-01T08:00:00"},
                          headers=officer_headers())
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["query", "as_of"]
