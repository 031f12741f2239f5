"""Making the broker compact one partition of a compacted topic now, instead of within its configured lag."""

import asyncio
import time
from collections.abc import Awaitable, Callable

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

# Clean as soon as anything is dirty, drop tombstones and replaced files at once, and roll a segment after 100 ms.
COMPACT_NOW = {"segment.ms": "100", "min.cleanable.dirty.ratio": "0.001", "min.compaction.lag.ms": "0",
               "delete.retention.ms": "0", "file.delete.delay.ms": "0"}
ROLLER_KEY = b"test-segment-roller"


async def compact_now(bootstrap_servers: str, topic: str, partition: int, topic_config: dict[str, str],
                      compacted: Callable[[], Awaitable[bool]], timeout: float = 90.0) -> None:
    """Give the topic cleaner settings that compact at once (on top of its own), roll the partition's active
    segment with a tombstone of a key no one uses, and wait until `compacted` says so."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, {**topic_config, **COMPACT_NOW})])
    finally:
        await admin.close()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await roll_segment(bootstrap_servers, topic, partition)
        if await compacted():
            return
        await asyncio.sleep(1.0)
    raise AssertionError(f"{topic}[{partition}] was not compacted in {timeout:.0f} s")


async def roll_segment(bootstrap_servers: str, topic: str, partition: int) -> None:
    """Append a tombstone once the segment is older than segment.ms, so the broker starts a new segment and the
    old one becomes cleanable."""
    await asyncio.sleep(0.2)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(topic, None, key=ROLLER_KEY, partition=partition)
    finally:
        await producer.stop()
