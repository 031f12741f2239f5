"""Reading a whole topic back in tests, with a plain aiokafka consumer in a new group."""

import time
import uuid

from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import ConsumerRecord, TopicPartition


async def read_topic(bootstrap_servers: str, topic: str, expected: int, timeout: float = 30.0) -> list[ConsumerRecord]:
    """Every record of the topic once at least expected have arrived (or the timeout passed)."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap_servers, group_id=f"reader-{uuid.uuid4().hex}",
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    records: list[ConsumerRecord] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            batches = await consumer.getmany(timeout_ms=500, max_records=10_000)
            records += [record for batch in batches.values() for record in batch]
            if len(records) >= expected and not batches:
                break
        return records
    finally:
        await consumer.stop()


async def read_whole_topic(bootstrap_servers: str, topic: str) -> list[ConsumerRecord]:
    """Every record the topic holds now, from each partition's first offset to its end (a compacted topic's
    offsets have gaps; reading to the end offsets finds them all without waiting for a group)."""
    partitions = [TopicPartition(topic, number) for number in await partition_numbers(bootstrap_servers, topic)]
    if not partitions:
        return []
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        records: list[ConsumerRecord] = []
        while any([await consumer.position(partition) < end for partition, end in ends.items()]):
            batches = await consumer.getmany(*partitions, timeout_ms=500)
            records += [record for batch in batches.values() for record in batch]
        return records
    finally:
        await consumer.stop()


async def partition_numbers(bootstrap_servers: str, topic: str) -> list[int]:
    """The topic's partitions, none if it does not exist."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        [described] = await admin.describe_topics([topic])
        return [partition["partition"] for partition in described["partitions"]]
    finally:
        await admin.close()


async def topic_names(bootstrap_servers: str) -> list[str]:
    """Every topic on the broker, the broker's own included."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        return sorted(await admin.list_topics())
    finally:
        await admin.close()


def record_bytes(record: ConsumerRecord) -> bytes:
    """A record's key, value and headers as one byte string, to search for what must not be there."""
    return (record.key or b"") + (record.value or b"") + b"".join(
        name.encode() + (value or b"") for name, value in record.headers)
