"""Wiring a tracked consumer into FastStream: a batch subscriber with manual acknowledgement.

FastStream's Kafka default acknowledges before the handler runs. Here progress is what PostgreSQL stores with
each batch's effects: on every partition assignment the consumer seeks to those offsets, and Kafka is told a
batch's offsets only after they are stored, so Kafka's committed offsets are a hint that never runs ahead (a
restarted consumer may fetch from them before its seek lands). The handler returns once a batch is handed over,
so the next one is fetched and decoded while it is written; after stopping the broker, await
``consumer.settled()`` for the last batch.
"""

from typing import Any

from aiokafka import ConsumerRebalanceListener, TopicPartition
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage

from hoanhap.consumers.consumer import TrackedConsumer


class ResumeFromStoredOffsets(ConsumerRebalanceListener):  # type: ignore[misc]
    """On assignment, seek each partition to the next offset stored in the consumer's database."""

    def __init__(self, consumer: TrackedConsumer) -> None:
        self.consumer = consumer
        self.subscriber: Any = None

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        """Nothing to do: every processed batch is already committed in PostgreSQL."""

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        """Seek to the stored offsets; a partition the database has never tracked starts from the beginning,
        whatever Kafka remembers for the group (a fresh or rebuilt database has processed nothing)."""
        stored = await self.consumer.stored_offsets([(tp.topic, tp.partition) for tp in assigned])
        for tp in assigned:
            offset = stored.get((tp.topic, tp.partition))
            if offset is None:
                await self.subscriber.consumer.seek_to_beginning(tp)
            else:
                self.subscriber.consumer.seek(tp, offset)


async def leave_undecoded(message: Any) -> None:
    """FastStream would parse every body as JSON; the consumer reads the raw records itself."""
    return None


def subscribe(broker: KafkaBroker, consumer: TrackedConsumer, max_records: int = 1000,
              group_id: str | None = None) -> Any:
    """Register the consumer on the broker as a batch subscriber in its Kafka group (by default named as the
    consumer; a rebuild reads in a group of its own while keeping the consumer's tracking name)."""
    listener = ResumeFromStoredOffsets(consumer)
    subscriber = broker.subscriber(
        *consumer.topics, group_id=group_id or consumer.name, batch=True, max_records=max_records,
        auto_offset_reset="earliest", ack_policy=AckPolicy.MANUAL, listener=listener, decoder=leave_undecoded,
    )
    listener.subscriber = subscriber

    async def commit_to_kafka(offsets: dict[tuple[str, int], int]) -> None:
        if (kafka := subscriber.consumer) is not None:
            await kafka.commit({TopicPartition(topic, partition): offset
                                for (topic, partition), offset in offsets.items()})

    consumer.acknowledge = commit_to_kafka

    @subscriber
    async def apply_batch(message: KafkaMessage) -> None:
        await consumer.hand_over(message.raw_message)

    return subscriber
