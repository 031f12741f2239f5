"""Against the real Kafka and PostgreSQL: stats' live consumer dead-letters a 200,000-deep JSON value and an amount
too large for its column, applies the next message and commits past all three; a rebuild from offset 0 skips the
same two without a second letter and swaps in read models equal to the live ones."""

import dataclasses
import json
import uuid
from collections.abc import AsyncIterator
from datetime import date

import asyncpg
import pytest
from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

import hoanhap.contracts as c
from hoanhap.consumers import dead_letter_topic
from hoanhap.consumers.dead_letters import ORIGIN_OFFSET, REASON
from hoanhap.postgres.pool import create_pool
from hoanhap.relay import idempotent_producer
from hoanhap_stats.projecting.read_models import install_read_models
from hoanhap_stats.projecting.tracked_consumers import Projection, tracked_consumer
from hoanhap_stats.rebuild.fresh_schema import rebuild
from hoanhap_stats.settings import StatsSettings
from hoanhap_stats.supervision.projection import project_supervision_events
from tests.support.consuming import message_of, produce, run_until
from tests.support.kafka_reading import read_topic, read_whole_topic

LIVE = "stats"
NOT_READ_MODELS = {"consumer_offsets", "processed_events", "schema_migrations", "feed"}
TOO_LARGE_FOR_BIGINT = 2**63
HERE = {"province_code": "01", "commune_code": "00092"}


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """The live read models, in the schema stats uses."""
    pool = await create_pool(database_url, max_size=4, schema=LIVE)
    await install_read_models(pool, LIVE)
    yield pool
    await pool.close()


@pytest.fixture
async def producer(kafka_bootstrap_servers: str) -> AsyncIterator:
    producer = idempotent_producer(kafka_bootstrap_servers)
    await producer.start()
    yield producer
    await producer.stop()


def aid_to_one_person(topic: str) -> list[c.KafkaMessage]:
    """A case opened, then three aids to it: one nested 200,000 deep, one of 2^63 VND, one of 1,000,000 VND."""
    person, case = uuid.uuid4(), uuid.uuid4()
    opened = message_of(c.SupervisionOpened(person_id=person, case_id=case, **HERE, opened_on=date(2023, 1, 10),
                                            commitment_signed=True), topic)
    aids = [message_of(c.SupportProvided(person_id=person, case_id=case, support_id=uuid.uuid4(), kind="material_aid",
                                         provided_on=date(2023, 7, 1), value=1_000_000), topic) for _ in range(3)]
    oversized = {**json.loads(aids[1].value), "value": TOO_LARGE_FOR_BIGINT}
    return [opened, dataclasses.replace(aids[0], value=b"[" * 200_000),
            dataclasses.replace(aids[1], value=json.dumps(oversized).encode()), aids[2]]


async def read_models(database_url: str) -> dict[str, list[tuple]]:
    """Every table of the live schema but the tracking ones, its rows in a fixed order; dead_letters included."""
    connection = await asyncpg.connect(database_url, server_settings={"search_path": LIVE})
    try:
        tables = [row["tablename"] for row in await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", LIVE)]
        return {table: sorted((tuple(row) for row in await connection.fetch(f'SELECT * FROM "{table}"')), key=repr)
                for table in tables if table not in NOT_READ_MODELS}
    finally:
        await connection.close()


async def next_offsets(database_url: str, consumer: str) -> dict[tuple[str, int], int]:
    """The consumer's stored next offsets in the live schema."""
    connection = await asyncpg.connect(database_url, server_settings={"search_path": LIVE})
    try:
        rows = await connection.fetch("SELECT topic, partition, next_offset FROM consumer_offsets WHERE consumer = $1",
                                      consumer)
        return {(row["topic"], row["partition"]): row["next_offset"] for row in rows}
    finally:
        await connection.close()


async def kafka_committed(bootstrap_servers: str, group: str) -> dict[tuple[str, int], int]:
    """The offsets the Kafka group has committed."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        committed: dict[TopicPartition, object] = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    return {(tp.topic, tp.partition): meta.offset for tp, meta in committed.items()}


async def test_a_deep_value_and_an_oversized_amount_are_dead_lettered_live_and_skipped_by_the_rebuild(
        pool, producer, database_url, kafka_bootstrap_servers, topic):
    messages = aid_to_one_person(topic)
    await produce(kafka_bootstrap_servers, messages)
    group = f"unappliable-{uuid.uuid4().hex[:8]}"
    projection = Projection("supervision", topic, project_supervision_events)
    consumer = tracked_consumer(group, projection, pool, producer)
    partition = (await read_topic(kafka_bootstrap_servers, topic, expected=4))[0].partition
    past_all = {(topic, partition): 4}

    async def committed_past_all() -> bool:
        return (await next_offsets(database_url, consumer.name) == past_all
                and await kafka_committed(kafka_bootstrap_servers, consumer.name) == past_all)

    await run_until(consumer, kafka_bootstrap_servers, committed_past_all)
    live = await read_models(database_url)

    letters = await read_whole_topic(kafka_bootstrap_servers, dead_letter_topic(consumer.name))
    reasons = {int(dict(letter.headers)[ORIGIN_OFFSET]): dict(letter.headers)[REASON].decode() for letter in letters}
    assert len(letters) == 2 and set(reasons) == {1, 2}
    assert reasons[1] == "malformed message: the message value is JSON nested too deeply to read"
    assert reasons[2] == ("malformed message: invalid hoanhap.supervision.SupportProvided v1 data: value: Input should "
                          "be less than or equal to 1000000000000000"), "the amount is refused by its bounded contract"
    assert consumer.outcomes.counts == {"processed": 2, "dead_lettered": 2}
    assert [(row[2], row[3]) for row in live["dead_letters"]] == [(partition, 1), (partition, 2)]
    assert len(live["supervision_support"]) == 1, "the good aid after the two bad ones is applied"

    await rebuild(StatsSettings(database_url=database_url, kafka_bootstrap_servers=kafka_bootstrap_servers,
                                database_schema=LIVE, consumer_group=group, rebuild_processes=2,
                                log_level="WARNING"), timeout=120, projections=(projection,))

    assert await read_models(database_url) == live, "rebuilt read models (and dead-letter record) equal the live ones"
    assert await next_offsets(database_url, consumer.name) == past_all
    assert len(await read_whole_topic(kafka_bootstrap_servers, dead_letter_topic(consumer.name))) == 2, \
        "the rebuild wrote no second letter"
