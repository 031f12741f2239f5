"""Reading a whole topic back in tests, with a plain aiokafka consumer in a new group."""

import time
import uuid

from aiokafka import AIOKafkaConsumer
from aiokafka.structs import ConsumerRecord


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
