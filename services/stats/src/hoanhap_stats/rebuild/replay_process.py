"""One replay process: its share of the partitions read with a plain, assigned Kafka consumer from the offsets the
fresh schema stores, and handed batch by batch to the same tracked consumers as the live projection (replay.py
starts these processes and stops them)."""

import asyncio
from collections import defaultdict
from multiprocessing.synchronize import Event
from typing import TYPE_CHECKING

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

from hoanhap.consumers import TrackedConsumer
from hoanhap.observability import configure_logging
from hoanhap.postgres.pool import create_pool
from hoanhap.relay import idempotent_producer
from hoanhap.service.garbage_collection import collect_less_often, freeze_start_up_objects
from hoanhap_stats.projecting.tracked_consumers import tracked_consumer

if TYPE_CHECKING:
    from hoanhap_stats.rebuild.replay import Replay

REPLAY_BATCH = 5000
FETCH_BYTES_PER_PARTITION = 4 * 1024 * 1024


def replay_share(replay: "Replay", partitions: list[TopicPartition], stop: Event) -> None:
    """A replay process: apply the partitions' records until asked to stop."""
    configure_logging("stats", replay.log_level)
    freeze_start_up_objects()
    collect_less_often()
    asyncio.run(apply_partitions(replay, partitions, stop))


async def apply_partitions(replay: "Replay", partitions: list[TopicPartition], stop: Event) -> None:
    """Hand each fetched batch to its topic's tracked consumer, from where the fresh schema's tracking rows say."""
    pool = await create_pool(replay.database_url, max_size=len(replay.projections) + 1, schema=replay.schema)
    dead_letters = idempotent_producer(replay.kafka_bootstrap_servers)
    kafka = AIOKafkaConsumer(bootstrap_servers=replay.kafka_bootstrap_servers, enable_auto_commit=False,
                             auto_offset_reset="earliest", max_partition_fetch_bytes=FETCH_BYTES_PER_PARTITION)
    await dead_letters.start()
    await kafka.start()
    try:
        consumers = {projection.topic: tracked_consumer(replay.consumer_group, projection, pool, dead_letters,
                                                        replaying=True) for projection in replay.projections}
        await start_from_stored_offsets(kafka, consumers, partitions)
        while not stop.is_set():
            fetched = await kafka.getmany(timeout_ms=200, max_records=REPLAY_BATCH)
            for topic, records in by_topic(fetched).items():
                await consumers[topic].hand_over(records, tell_kafka=False)
        for consumer in consumers.values():
            await consumer.settled()
    finally:
        await kafka.stop()
        await dead_letters.stop()
        await pool.close()


async def start_from_stored_offsets(kafka: AIOKafkaConsumer, consumers: dict[str, TrackedConsumer],
                                    partitions: list[TopicPartition]) -> None:
    """Assign the partitions, each sought to its stored next offset; one never tracked starts at the beginning
    (the consumer's reset policy). The offsets are read first: a seek must follow the assignment at once, before
    the consumer resets positions on its own."""
    stored: dict[tuple[str, int], int] = {}
    for topic, consumer in consumers.items():
        stored |= await consumer.stored_offsets([(tp.topic, tp.partition) for tp in partitions if tp.topic == topic])
    kafka.assign(partitions)
    for tp in partitions:
        if (offset := stored.get((tp.topic, tp.partition))) is not None:
            kafka.seek(tp, offset)


def by_topic(fetched: dict[TopicPartition, list[ConsumerRecord]]) -> dict[str, list[ConsumerRecord]]:
    """The fetched records of each topic, each partition's in order."""
    records: dict[str, list[ConsumerRecord]] = defaultdict(list)
    for tp, batch in fetched.items():
        records[tp.topic] += batch
    return records
