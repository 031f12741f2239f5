"""An event the relay cannot map never stops it: that event and the rest of its stream are held back, everyone
else's are published, readiness names the held event, and an operator retries it after a fix or sets it aside."""

import dataclasses
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from hoanhap.contracts import from_kafka_message
from hoanhap.eventstore import NewEvent, StoredEvent
from hoanhap.relay import Relay, idempotent_producer
from hoanhap.relay.held import WAITING, unsettled
from hoanhap.service.health import held_events
from hoanhap.service.runtime import Runtime
from tests.support.kafka_reading import read_whole_topic
from tests.support.releases import TOPIC_VARIABLE, map_event, new_release_event

REPO = Path(__file__).resolve().parents[3]


def aged_five_at_release(person: uuid.UUID) -> NewEvent:
    """A release its own contract refuses (an age at release of 5), as an older registry might have accepted."""
    event = new_release_event(person)
    return dataclasses.replace(event, payload={**event.payload, "age_at_release": 5})


class Mapper:
    """The relay's mapping, which a deployed fix can make accept the event it refused."""

    def __init__(self) -> None:
        self.fixed = False

    def __call__(self, stored: StoredEvent):
        if self.fixed and stored.payload.get("age_at_release") == 5:
            stored = dataclasses.replace(stored, payload={**stored.payload, "age_at_release": 14})
        return map_event(stored)


@pytest.fixture
async def relay(pool, store, topic, kafka_bootstrap_servers, monkeypatch):
    monkeypatch.setenv(TOPIC_VARIABLE, topic)
    producer = idempotent_producer(kafka_bootstrap_servers)
    await producer.start()
    yield Relay(f"held-{topic}", pool, store, producer, Mapper(), batch_size=40)
    await producer.stop()


async def publish_all(relay: Relay) -> None:
    while await relay.publish_next_batch():
        pass
    await relay.publish_next_batch()  # carries out retries requested meanwhile


async def published_versions(bootstrap: str, topic: str, people: tuple[uuid.UUID, ...]) -> dict[uuid.UUID, list[int]]:
    """The stream versions of these people's events on the topic (the module's store holds others' too)."""
    versions: dict[uuid.UUID, list[int]] = {}
    for record in await read_whole_topic(bootstrap, topic):
        envelope = from_kafka_message(record.key, record.value, record.headers)
        if envelope.data.person_id in people:
            versions.setdefault(envelope.data.person_id, []).append(envelope.stream_version)
    return versions


async def held_of(pool, relay: Relay, person: uuid.UUID):
    async with pool.acquire() as connection:
        return [event for event in await unsettled(connection, relay.name) if event.stream_id == str(person)]


async def three_people(store) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """A with two good events, B whose first event cannot be mapped and whose second can, C with one."""
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await store.append(str(a), 0, [new_release_event(a)])
    await store.append(str(b), 0, [aged_five_at_release(b)])
    await store.append(str(a), 1, [new_release_event(a)])
    await store.append(str(b), 1, [new_release_event(b)])
    await store.append(str(c), 0, [new_release_event(c)])
    return a, b, c


def held_cli(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hoanhap.relay.held_cli", *args, "--database-url", database_url],
                          cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
                          timeout=60, check=False)


async def test_the_relay_keeps_publishing_past_an_unmappable_event_holding_only_its_stream(
        relay, pool, store, topic, kafka_bootstrap_servers):
    a, b, c = await three_people(store)
    await publish_all(relay)
    await store.append(str(b), 2, [new_release_event(b)])
    await publish_all(relay)

    assert await published_versions(kafka_bootstrap_servers, topic, (a, b, c)) == {a: [1, 2], c: [1]}
    held = await held_of(pool, relay, b)
    assert [(event.stream_id, event.reason == WAITING) for event in held] == [
        (str(b), False), (str(b), True), (str(b), True)]
    assert "age_at_release" in held[0].reason
    [readiness] = await held_events(Runtime(pool=pool, broker=None, relays=[relay.name]))  # type: ignore[arg-type]
    assert f"position {held[0].position} (hoanhap.registry.ReleaseRegistered) cannot be mapped" in readiness


async def test_a_retry_after_the_fix_publishes_the_held_stream_in_order(
        relay, pool, store, topic, kafka_bootstrap_servers, database_url):
    a, b, c = await three_people(store)
    await publish_all(relay)
    [first, *_] = await held_of(pool, relay, b)

    not_yet = held_cli("retry", "--relay", relay.name, "--position", str(first.position), database_url=database_url)
    await publish_all(relay)
    assert not_yet.returncode == 0, not_yet.stderr
    assert await published_versions(kafka_bootstrap_servers, topic, (b,)) == {}, "unfixed: it is held again"

    relay.map_event.fixed = True
    held_cli("retry", "--relay", relay.name, "--position", str(first.position), database_url=database_url)
    await publish_all(relay)

    assert await published_versions(kafka_bootstrap_servers, topic, (b,)) == {b: [1, 2]}
    assert await held_of(pool, relay, b) == []


async def test_setting_the_bad_event_aside_publishes_the_rest_of_its_stream_and_records_who(
        relay, pool, store, topic, kafka_bootstrap_servers, database_url):
    a, b, c = await three_people(store)
    await publish_all(relay)
    [first, *_] = await held_of(pool, relay, b)

    answer = held_cli("set-aside", "--relay", relay.name, "--position", str(first.position), "--by", "operator-7",
                      database_url=database_url)
    await publish_all(relay)

    assert answer.returncode == 0 and "2 held event(s)" in answer.stdout, answer.stdout + answer.stderr
    assert await published_versions(kafka_bootstrap_servers, topic, (b,)) == {b: [2]}
    outcomes = await pool.fetch("SELECT position, outcome, settled_by FROM relay_held WHERE relay = $1 "
                                "AND stream_id = $2 ORDER BY position", relay.name, str(b))
    assert [(row["outcome"], row["settled_by"]) for row in outcomes] == [("set_aside", "operator-7"),
                                                                         ("published", "relay")]
