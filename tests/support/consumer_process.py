"""A tracked consumer in a process of its own, which a test can kill -9 between its database and offset commits.

Usage: python -m tests.support.consumer_process DATABASE_URL BOOTSTRAP TOPIC NAME [CRASH_AFTER_BATCHES]
With CRASH_AFTER_BATCHES, the process SIGKILLs itself right after that many batches committed in PostgreSQL
and before it commits the offsets to Kafka.
"""

import asyncio
import os
import signal
import sys

from faststream.kafka import KafkaBroker

from hoanhap.consumers import TrackedConsumer, subscribe
from hoanhap.postgres.pool import create_pool
from hoanhap.relay import idempotent_producer
from tests.support.consuming import effect_recorder


async def main(database_url: str, bootstrap: str, topic: str, name: str, crash_after: int | None) -> None:
    pool = await create_pool(database_url, min_size=1, max_size=4)
    producer = idempotent_producer(bootstrap)
    await producer.start()
    consumer = TrackedConsumer(name, [topic], effect_recorder(name), pool, producer)
    broker = KafkaBroker(bootstrap)
    subscribe(broker, consumer, max_records=50)
    if crash_after is not None:
        kill_after_database_commits(consumer, crash_after)
    await broker.start()
    await asyncio.Event().wait()


def kill_after_database_commits(consumer: TrackedConsumer, batches: int) -> None:
    """SIGKILL the process when the consumer is about to tell Kafka of its `batches`-th committed batch."""
    acknowledge = consumer.acknowledge
    done = 0

    async def acknowledge_or_die(offsets):  # type: ignore[no-untyped-def]
        nonlocal done
        done += 1
        if done >= batches:
            os.kill(os.getpid(), signal.SIGKILL)
        if acknowledge is not None:
            await acknowledge(offsets)

    consumer.acknowledge = acknowledge_or_die


if __name__ == "__main__":
    url, servers, topic_name, consumer_name, *crash = sys.argv[1:]
    asyncio.run(main(url, servers, topic_name, consumer_name, int(crash[0]) if crash else None))
