"""Tracked consumers apply each event once, dead-letter poison messages, skip what they cannot know yet."""

import dataclasses
import uuid

from hoanhap.consumers import TrackedConsumer, dead_letter_topic, replay_dead_letters
from hoanhap.consumers.dead_letters import ORIGIN_OFFSET, REASON
from tests.support.consuming import effect_recorder, message_of, produce, run_until
from tests.support.kafka_reading import read_topic
from tests.support.releases import release


def consumer_for(topic, pool, producer, handler=None) -> TrackedConsumer:
    name = f"consumer-{uuid.uuid4().hex[:8]}"
    return TrackedConsumer(name, [topic], handler or effect_recorder(name), pool, producer, retry_delay=0.05)


async def effects(pool, consumer: TrackedConsumer) -> list[tuple[uuid.UUID, uuid.UUID]]:
    rows = await pool.fetch("SELECT event_id, person_id FROM effects WHERE consumer = $1", consumer.name)
    return [(row["event_id"], row["person_id"]) for row in rows]


async def test_redelivered_and_republished_events_take_effect_once(pool, producer, topic, kafka_bootstrap_servers):
    messages = [message_of(release(uuid.uuid4()), topic) for _ in range(30)]
    await produce(kafka_bootstrap_servers, messages + messages[:10])  # the relay's republished tail
    consumer = consumer_for(topic, pool, producer)

    async def all_seen() -> bool:
        return consumer.outcomes.counts["processed"] + consumer.outcomes.counts["skipped:duplicate"] >= 40

    await run_until(consumer, kafka_bootstrap_servers, all_seen)

    applied = await effects(pool, consumer)
    assert len(applied) == 30
    assert len({event_id for event_id, _ in applied}) == 30
    assert consumer.outcomes.counts["skipped:duplicate"] == 10


async def test_malformed_message_is_dead_lettered_with_reason_and_the_partition_moves_on(
        pool, producer, topic, kafka_bootstrap_servers):
    person = uuid.uuid4()
    before, after = message_of(release(person), topic, 1), message_of(release(person), topic, 2)
    poison = dataclasses.replace(before, value=b'{"person_id": "not json')
    await produce(kafka_bootstrap_servers, [before, poison, after])
    consumer = consumer_for(topic, pool, producer)

    async def settled() -> bool:
        return consumer.outcomes.counts["processed"] == 2 and consumer.outcomes.counts["dead_lettered"] == 1

    await run_until(consumer, kafka_bootstrap_servers, settled)

    letters = await read_topic(kafka_bootstrap_servers, dead_letter_topic(consumer.name), expected=1)
    assert len(letters) == 1
    headers = dict(letters[0].headers)
    assert headers[REASON].decode().startswith("malformed message:")
    assert "JSON" in headers[REASON].decode()
    assert headers["ce_type"] == dict(poison.headers)["ce_type"], "original headers travel with the letter"
    assert headers[ORIGIN_OFFSET] == b"1"
    assert letters[0].value == poison.value
    assert sorted(await effects(pool, consumer)) == sorted([(uuid.UUID(h), person) for h in (
        dict(before.headers)["ce_id"].decode(), dict(after.headers)["ce_id"].decode())])


async def test_failing_handler_is_retried_then_dead_lettered_and_replayed_once_after_the_fix(
        pool, producer, topic, kafka_bootstrap_servers):
    broken_person = uuid.uuid4()
    fixed = False
    name = f"consumer-{uuid.uuid4().hex[:8]}"
    record = effect_recorder(name)

    async def handler(connection, envelopes):
        if not fixed and broken_person in {envelope.data.person_id for envelope in envelopes}:
            raise ValueError("commune 00004 is missing from the places table")
        await record(connection, envelopes)

    consumer = TrackedConsumer(name, [topic], handler, pool, producer, max_tries=3, retry_delay=0.01)
    await produce(kafka_bootstrap_servers, [message_of(release(person), topic)
                                            for person in (uuid.uuid4(), broken_person, uuid.uuid4())])

    async def settled() -> bool:
        return consumer.outcomes.counts["processed"] == 2 and consumer.outcomes.counts["dead_lettered"] == 1

    await run_until(consumer, kafka_bootstrap_servers, settled)
    letters = await read_topic(kafka_bootstrap_servers, dead_letter_topic(name), expected=1)
    assert dict(letters[0].headers)[REASON].decode() == (
        "failed 3 times: ValueError: commune 00004 is missing from the places table")

    fixed = True
    assert await replay_dead_letters(consumer, kafka_bootstrap_servers) == 1
    assert await replay_dead_letters(consumer, kafka_bootstrap_servers) == 0
    people = [person for _, person in await effects(pool, consumer)]
    assert len(people) == 3 and people.count(broken_person) == 1


async def test_unknown_types_and_newer_versions_are_skipped_and_counted(pool, producer, topic,
                                                                        kafka_bootstrap_servers):
    known = message_of(release(uuid.uuid4()), topic)
    unknown = dataclasses.replace(known, headers=[(k, b"hoanhap.registry.PersonTeleported" if k == "ce_type" else v)
                                                  for k, v in known.headers])
    newer = dataclasses.replace(known, headers=[(k, b"7" if k == "ce_schemaversion" else v)
                                                for k, v in known.headers])
    await produce(kafka_bootstrap_servers, [unknown, newer, known])
    consumer = consumer_for(topic, pool, producer)

    async def settled() -> bool:
        return consumer.outcomes.counts["processed"] == 1

    await run_until(consumer, kafka_bootstrap_servers, settled)

    assert consumer.outcomes.counts["skipped:unknown_type"] == 1
    assert consumer.outcomes.counts["skipped:newer_version"] == 1
    assert consumer.outcomes.counts["dead_lettered"] == 0


async def test_consumption_resumes_from_offsets_stored_with_the_effects(pool, producer, topic,
                                                                        kafka_bootstrap_servers):
    await produce(kafka_bootstrap_servers, [message_of(release(uuid.uuid4()), topic) for _ in range(20)])
    consumer = consumer_for(topic, pool, producer)

    async def first_run_done() -> bool:
        return consumer.outcomes.counts["processed"] == 20

    await run_until(consumer, kafka_bootstrap_servers, first_run_done)
    await pool.execute("DELETE FROM consumer_offsets WHERE consumer = $1 AND partition = 0", consumer.name)
    await produce(kafka_bootstrap_servers, [message_of(release(uuid.uuid4()), topic) for _ in range(5)])
    restarted = TrackedConsumer(consumer.name, [topic], consumer.handle, pool, producer)
    restarted.outcomes.counts.clear()

    async def second_run_done() -> bool:
        return restarted.outcomes.counts["processed"] == 5

    await run_until(restarted, kafka_bootstrap_servers, second_run_done)

    assert len(await effects(pool, consumer)) == 25
