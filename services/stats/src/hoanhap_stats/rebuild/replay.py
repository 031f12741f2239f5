"""Replaying topics into a fresh schema in several processes at once: the heavy part of a rebuild.

A replay is bound by Python's CPU (decoding and validating every event, then folding it), so one process uses
one core however many the machine has. The topics' partitions are dealt out among the processes; each reads its
share with a plain Kafka consumer (assigned, not in a group, so nothing rebalances while it runs) from the offsets
stored in the fresh schema, through the same tracked consumers as the live projection: every event is still
applied once. Events are keyed by person, case or loan, so partitions touch different rows; what they share, the
commune totals, is added to in place under row locks, as when several stats instances share a consumer group.
"""

import asyncio
import multiprocessing
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from multiprocessing.synchronize import Event

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import ConsumerRecord

from hoanhap.consumers import TrackedConsumer
from hoanhap.observability import configure_logging
from hoanhap.postgres.pool import create_pool
from hoanhap.relay import idempotent_producer
from hoanhap.service.garbage_collection import collect_less_often, freeze_start_up_objects
from hoanhap_stats.projecting.tracked_consumers import Projection, tracked_consumer
from hoanhap_stats.sources import PROJECTIONS

REPLAY_BATCH = 5000
FETCH_BYTES_PER_PARTITION = 4 * 1024 * 1024
STOP_SECONDS = 60


@dataclass(frozen=True, slots=True)
class Replay:
    """Which topics to replay into which schema, named as which consumer group, in how many processes."""

    database_url: str
    schema: str
    kafka_bootstrap_servers: str
    consumer_group: str
    processes: int
    projections: tuple[Projection, ...] = PROJECTIONS
    log_level: str = "INFO"


class ReplayFailed(RuntimeError):
    """A replay process stopped before it was asked to."""


Done = Callable[[list[TopicPartition]], Awaitable[bool]]
"""Whether the replay of these partitions has gone far enough."""


async def replay_until(replay: Replay, done: Done, deadline: float) -> None:
    """Replay the topics' partitions, as they are now, in parallel until ``done`` says so; return once every
    process has committed its last batch and exited."""
    partitions = await partitions_of(replay.kafka_bootstrap_servers, [p.topic for p in replay.projections])
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    shares = deal(partitions, replay.processes)
    workers = [context.Process(target=replay_share, args=(replay, share, stop), name=f"replay-{number}")
               for number, share in enumerate(shares)]
    for worker in workers:
        worker.start()
    try:
        while not await done(partitions):
            if stopped := [worker.name for worker in workers if not worker.is_alive()]:
                raise ReplayFailed(f"replay processes {', '.join(stopped)} stopped before the replay was done")
            if time.monotonic() > deadline:
                raise TimeoutError("the replay did not get far enough in time")
            await asyncio.sleep(0.2)
    finally:
        stop.set()
        await asyncio.gather(*(asyncio.to_thread(worker.join, STOP_SECONDS) for worker in workers))
        for worker in workers:
            if worker.is_alive():
                worker.kill()
                worker.join()
    if failed := [worker.name for worker in workers if worker.exitcode != 0]:
        raise ReplayFailed(f"replay processes {', '.join(failed)} failed; their log says why")


def deal(partitions: list[TopicPartition], processes: int) -> list[list[TopicPartition]]:
    """The partitions dealt out in turn, so each topic's spread over as many processes as it can be; no process is
    left without a partition."""
    return [partitions[first::processes] for first in range(min(processes, len(partitions)))]


async def partitions_of(bootstrap_servers: str, topics: Sequence[str]) -> list[TopicPartition]:
    """Every partition of the topics that exist, by topic and partition (a topic not created yet has none)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        described = await admin.describe_topics()  # every topic: naming some would create them
    finally:
        await admin.close()
    return sorted(TopicPartition(topic["topic"], partition["partition"]) for topic in described
                  if topic["topic"] in topics for partition in topic["partitions"])


def replay_share(replay: Replay, partitions: list[TopicPartition], stop: Event) -> None:
    """A replay process: apply the partitions' records until asked to stop."""
    configure_logging("stats", replay.log_level)
    freeze_start_up_objects()
    collect_less_often()
    asyncio.run(apply_partitions(replay, partitions, stop))


async def apply_partitions(replay: Replay, partitions: list[TopicPartition], stop: Event) -> None:
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
