"""Replaying a consumer's dead letters through the same consumer, once each, after the cause was fixed."""

import dataclasses

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

from hoanhap.consumers.consumer import TrackedConsumer
from hoanhap.consumers.dead_letters import dead_letter_topic, original_headers

FETCH_TIMEOUT_MS = 1000


async def replay_dead_letters(consumer: TrackedConsumer, bootstrap_servers: str) -> int:
    """Apply every dead letter present now; return how many were replayed.

    Each replayed record is tracked under the dead-letter topic's own partition and offset, so running the
    replay twice applies nothing twice; a letter that fails again is dead-lettered again, after the others.
    """
    topic = dead_letter_topic(consumer.name)
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers, group_id=f"{consumer.name}.replay",
                              auto_offset_reset="earliest", enable_auto_commit=False)
    await reader.start()
    try:
        if topic not in await reader.topics():
            return 0
        reader.subscribe([topic])
        return await _replay_present_letters(consumer, reader)
    finally:
        await reader.stop()


async def _replay_present_letters(consumer: TrackedConsumer, reader: AIOKafkaConsumer) -> int:
    ends: dict[TopicPartition, int] | None = None
    replayed = 0
    while ends is None or [tp for tp, end in ends.items() if await reader.position(tp) < end]:
        batches = await reader.getmany(timeout_ms=FETCH_TIMEOUT_MS)
        if ends is None and reader.assignment():
            ends = await reader.end_offsets(list(reader.assignment()))
        for tp, records in batches.items():
            due = [as_original(record) for record in records if ends is None or record.offset < ends[tp]]
            await consumer.process(due)
            replayed += len(due)
        await reader.commit()
    return replayed


def as_original(record: ConsumerRecord) -> ConsumerRecord:
    """The dead letter with the original message's headers, keeping its own topic, partition and offset."""
    return dataclasses.replace(record, headers=original_headers(record))
