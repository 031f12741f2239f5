"""The bank's identity digest: published on its own compacted topic keyed by person, withdrawn on erasure; once
the topic is compacted, the erased person's citizen ID, its lookup digest and its identity digest are in no
record of any topic, no file of the broker and no table of the registry."""

import asyncio
import base64
import time
import uuid
from datetime import date

import asyncpg
import httpx
from aiokafka.structs import ConsumerRecord

from hoanhap.contracts import identity_digest
from hoanhap.contracts.registry.identity_digests import (
    IDENTITY_DIGEST_TOPIC,
    IDENTITY_DIGEST_TOPIC_CONFIG,
    IdentityDigestRecord,
)
from hoanhap_registry.identity.citizen_id import digest_of, lookup_key
from tests.support.compaction import compact_now
from tests.support.kafka_reading import read_whole_topic, record_bytes, topic_names
from tests.support.postgres_files import files_containing, table_files
from tests.support.services import (
    DIGEST_KEY,
    MASTER_KEY,
    officer_headers,
    release_body,
    running_registry,
    supervisor_headers,
)

DIGEST_KEY_BYTES = base64.b64decode(DIGEST_KEY)
MASTER_KEY_BYTES = base64.b64decode(MASTER_KEY)[:32]


def secrets_of(body: dict) -> dict[str, bytes]:
    """Every form of the person's citizen ID that must go with them: the number, the registry's lookup digest
    and the bank's identity digest."""
    return {"citizen ID": body["citizen_id"].encode(),
            "lookup digest": digest_of(body["citizen_id"], lookup_key(MASTER_KEY_BYTES)).encode(),
            "identity digest": identity_digest(body["citizen_id"], date.fromisoformat(body["birth_date"]),
                                               DIGEST_KEY_BYTES).encode()}


async def records_of(bootstrap_servers: str, person_id: str, timeout: float = 60.0,
                     until_tombstone: bool = False) -> list[ConsumerRecord]:
    """The digest topic's records under the person's key, once there is one (or a tombstone, if asked)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        records = [record for record in await read_whole_topic(bootstrap_servers, IDENTITY_DIGEST_TOPIC)
                   if record.key == person_id.encode()]
        if records and (records[-1].value is None or not until_tombstone):
            return records
        await asyncio.sleep(0.5)
    wanted = "a tombstone" if until_tombstone else "a record"
    raise AssertionError(f"{wanted} for {person_id} not on {IDENTITY_DIGEST_TOPIC} in {timeout:.0f} s")


def register(registry, body: dict) -> str:
    answer = registry.post("/v1/releases", json=body, headers=officer_headers())
    assert answer.status_code == 201, answer.text
    return answer.json()["person_id"]


async def test_a_registration_publishes_the_digest_the_bank_computes_from_the_applicants_papers(
        registry, kafka_bootstrap_servers):
    body = release_body()
    person_id = register(registry, body)

    [record] = await records_of(kafka_bootstrap_servers, person_id)

    published = IdentityDigestRecord.model_validate_json(record.value)
    assert published.person_id == uuid.UUID(person_id)
    assert published.identity_digest == secrets_of(body)["identity digest"].decode()


async def test_after_erasure_and_compaction_no_topic_file_or_table_holds_any_form_of_the_citizen_id(
        registry, kafka_bootstrap_servers, kafka_data_dir, database_url):
    erased_body, kept_body = release_body(), release_body()
    erased, kept = register(registry, erased_body), register(registry, kept_body)
    [digest_record] = await records_of(kafka_bootstrap_servers, erased)
    await records_of(kafka_bootstrap_servers, kept)

    answer = registry.post(f"/v1/people/{erased}/erasure", json={"erased_on": "2026-03-01"},
                           headers=supervisor_headers())
    assert answer.status_code == 200, answer.text
    await records_of(kafka_bootstrap_servers, erased, until_tombstone=True)

    async def digest_gone() -> bool:
        records = await read_whole_topic(kafka_bootstrap_servers, IDENTITY_DIGEST_TOPIC)
        return not [record for record in records if record.key == erased.encode() and record.value is not None]

    await compact_now(kafka_bootstrap_servers, IDENTITY_DIGEST_TOPIC, digest_record.partition,
                      IDENTITY_DIGEST_TOPIC_CONFIG, digest_gone)

    gone, kept_secrets = secrets_of(erased_body), secrets_of(kept_body)
    await assert_in_no_topic(kafka_bootstrap_servers, gone, control=kept_secrets["identity digest"])
    assert_in_no_broker_file(kafka_data_dir, gone, control=kept_secrets["identity digest"])
    await assert_in_no_table(database_url, gone, control=kept_secrets["lookup digest"])


async def assert_in_no_topic(bootstrap_servers: str, secrets: dict[str, bytes], control: bytes) -> None:
    wire = {topic: b"".join(record_bytes(record) for record in await read_whole_topic(bootstrap_servers, topic))
            for topic in await topic_names(bootstrap_servers)}
    assert any(control in data for data in wire.values()), "control: a person not erased is found"
    for name, secret in secrets.items():
        assert [topic for topic, data in wire.items() if secret in data] == [], f"the erased {name} is on Kafka"


def assert_in_no_broker_file(data_dir, secrets: dict[str, bytes], control: bytes) -> None:
    deadline = time.monotonic() + 30
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert any(control in path.read_bytes() for path in files), "control: a person not erased is found"
    for name, secret in secrets.items():
        while (holding := [str(path) for path in data_dir.rglob("*") if path.is_file()
                           and secret in path.read_bytes()]) and time.monotonic() < deadline:
            time.sleep(0.5)  # a cleaned segment's old files are deleted just after the swap
        assert holding == [], f"the erased {name} is in the broker's files"


async def assert_in_no_table(database_url: str, secrets: dict[str, bytes], control: bytes) -> None:
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute("VACUUM FULL")  # what a dead row version held is rewritten away, like compaction
    finally:
        await connection.close()
    files = await table_files(database_url)
    assert files_containing(files, control), "control: a person not erased is found"
    for name, secret in secrets.items():
        assert files_containing(files, secret) == [], f"the erased {name} is in the registry's tables"


async def test_a_case_whose_lookup_digest_was_cleared_by_migration_0004_is_found_by_citizen_id_after_a_restart(
        registry, database_url, kafka_bootstrap_servers, tmp_path):
    body = release_body()
    person_id = register(registry, body)
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute("UPDATE people SET national_id_digest = NULL WHERE person_id = $1",
                                 uuid.UUID(person_id))  # what migration 0004 did to every case
    finally:
        await connection.close()
    search = {"citizen_id": body["citizen_id"]}
    assert registry.post("/v1/people/search", json=search, headers=officer_headers()).json() == []

    with running_registry(database_url, kafka_bootstrap_servers, tmp_path / "restarted.log") as url:
        async with httpx.AsyncClient(base_url=url) as restarted:
            found = (await restarted.post("/v1/people/search", json=search, headers=officer_headers())).json()

    assert [person["person_id"] for person in found] == [person_id]
