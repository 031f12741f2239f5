"""The relay publishes committed events to Kafka in order per person, with CloudEvents headers."""

import asyncio
import uuid

import pytest
from prometheus_client import REGISTRY

from hoanhap.contracts import from_kafka_message
from hoanhap.relay import Relay, idempotent_producer, run_relay
from hoanhap.relay import running as relay_running
from tests.support.kafka_reading import read_topic
from tests.support.releases import TOPIC_VARIABLE, map_event, new_release_event


@pytest.fixture
async def relay(pool, store, topic, kafka_bootstrap_servers, monkeypatch):
    monkeypatch.setenv(TOPIC_VARIABLE, topic)
    producer = idempotent_producer(kafka_bootstrap_servers)
    await producer.start()
    yield Relay(f"relay-{topic}", pool, store, producer, map_event, batch_size=40)
    await producer.stop()


async def wait_for_key(bootstrap: str, topic: str, key: bytes, timeout: float = 30) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if key in {record.key for record in await read_topic(bootstrap, topic, expected=1, timeout=2)}:
            return
    raise AssertionError(f"{key!r} never reached {topic}")


async def publish_all(relay: Relay) -> int:
    total = 0
    while published := await relay.publish_next_batch():
        total += published
    return total


async def test_every_committed_event_reaches_kafka_keyed_by_person_with_ce_headers(relay, store, topic,
                                                                                  kafka_bootstrap_servers):
    people = [uuid.uuid4() for _ in range(10)]
    for person in people:
        for version in range(5):
            await store.append(str(person), version, [new_release_event(person)])

    assert await publish_all(relay) >= 50
    records = await read_topic(kafka_bootstrap_servers, topic, expected=50)

    mine = [record for record in records if uuid.UUID(record.key.decode()) in people]
    assert len(mine) == 50
    for record in mine:
        envelope = from_kafka_message(record.key, record.value, record.headers)
        assert record.key == str(envelope.data.person_id).encode()
        assert {name for name, _ in record.headers} >= {"ce_id", "ce_type", "ce_source", "ce_specversion",
                                                        "ce_streamversion", "ce_correlationid"}
    for person in people:
        versions = [from_kafka_message(r.key, r.value, r.headers).stream_version
                    for r in mine if r.key == str(person).encode()]
        assert versions == [1, 2, 3, 4, 5], "one person's events must keep their order"
    assert (await relay.lag()).events == 0


async def test_position_is_stored_so_a_restarted_relay_publishes_only_new_events(relay, store, topic,
                                                                               kafka_bootstrap_servers):
    person = uuid.uuid4()
    await store.append(str(person), 0, [new_release_event(person)])
    await publish_all(relay)
    before = len(await read_topic(kafka_bootstrap_servers, topic, expected=1))

    await store.append(str(person), 1, [new_release_event(person)])
    restarted = Relay(relay.name, relay.pool, store, relay.producer, map_event)
    assert await publish_all(restarted) == 1
    assert len(await read_topic(kafka_bootstrap_servers, topic, expected=before + 1)) == before + 1


async def test_from_start_republishes_every_event(relay, store, topic, kafka_bootstrap_servers):
    person = uuid.uuid4()
    await store.append(str(person), 0, [new_release_event(person), new_release_event(person)])
    first = await publish_all(relay)

    await relay.reset()
    again = await publish_all(relay)

    assert again == first == await store.last_position()
    assert len(await read_topic(kafka_bootstrap_servers, topic, expected=2 * first)) == 2 * first


async def test_lag_counts_committed_events_not_yet_published(relay, store):
    await publish_all(relay)
    person = uuid.uuid4()
    await store.append(str(person), 0, [new_release_event(person) for _ in range(3)])

    lag = await relay.lag()

    assert lag.events == 3
    assert 0 <= lag.seconds < 60
    await publish_all(relay)
    assert (await relay.lag()).events == 0


async def test_notify_wakes_the_relay_long_before_the_poll_interval(relay, store, topic, database_url,
                                                                   kafka_bootstrap_servers, monkeypatch):
    monkeypatch.setattr(relay_running, "POLL_INTERVAL", 120.0)
    await publish_all(relay)
    stop = asyncio.Event()
    running = asyncio.create_task(run_relay(relay, database_url, store.notify_channel, stop))
    await asyncio.sleep(0.5)  # let it reach its idle wait
    person = uuid.uuid4()
    await store.append(str(person), 0, [new_release_event(person)])
    try:
        records = await read_topic(kafka_bootstrap_servers, topic, expected=1, timeout=20)
        assert str(person).encode() in {record.key for record in records}
        assert REGISTRY.get_sample_value("hoanhap_relay_events_published_total", {"relay": relay.name}) >= 1
        assert REGISTRY.get_sample_value("hoanhap_relay_lag_events", {"relay": relay.name}) == 0
    finally:
        stop.set()
        await asyncio.wait_for(running, 10)


async def test_position_is_not_stored_when_the_broker_refuses_a_message(relay, store, pool):
    await publish_all(relay)
    before = await pool.fetchval("SELECT position FROM relay_positions WHERE relay = $1", relay.name)
    person = uuid.uuid4()
    await store.append(str(person), 0, [new_release_event(person)])

    def oversized(stored):
        message = map_event(stored)
        return type(message)(topic=message.topic, key=message.key, value=b"x" * 2_000_000, headers=message.headers)

    refusing = Relay(relay.name, pool, store, relay.producer, oversized)
    with pytest.raises(Exception):  # noqa: B017 - whatever the client raises, the position must stay
        await refusing.publish_next_batch()

    assert await pool.fetchval("SELECT position FROM relay_positions WHERE relay = $1", relay.name) == before
    assert await publish_all(relay) == 1, "the event is still waiting to be published"


async def test_one_relay_of_a_name_publishes_and_a_standby_takes_over_when_it_stops(relay, store, topic, database_url,
                                                                                  kafka_bootstrap_servers):
    await publish_all(relay)
    mapped = {"active": 0, "standby": 0}

    def counting(role):
        def map_and_count(stored):
            mapped[role] += 1
            return map_event(stored)
        return map_and_count

    stops = {"active": asyncio.Event(), "standby": asyncio.Event()}
    tasks = {}
    for role in ("active", "standby"):
        twin = Relay(relay.name, relay.pool, store, relay.producer, counting(role))
        tasks[role] = asyncio.create_task(run_relay(twin, database_url, store.notify_channel, stops[role]))
        await asyncio.sleep(0.5)
    try:
        first = uuid.uuid4()
        await store.append(str(first), 0, [new_release_event(first)])
        await wait_for_key(kafka_bootstrap_servers, topic, str(first).encode())
        assert mapped == {"active": 1, "standby": 0}

        stops["active"].set()
        await asyncio.wait_for(tasks["active"], 10)
        second = uuid.uuid4()
        await store.append(str(second), 0, [new_release_event(second)])
        await wait_for_key(kafka_bootstrap_servers, topic, str(second).encode())
        assert mapped == {"active": 1, "standby": 1}
    finally:
        for stop in stops.values():
            stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks.values()), 15)
