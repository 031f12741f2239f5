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
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from hoanhap_stats.projecting.tracked_consumers import Projection
from hoanhap_stats.rebuild.replay_process import replay_share
from hoanhap_stats.sources import PROJECTIONS

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
