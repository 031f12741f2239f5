"""The consumer copying the compacted identity-digest topic into the identity_digests table.

Not a TrackedConsumer: the topic's records are not event envelopes but the latest value per person (a tombstone
withdraws it), so copying one twice changes nothing. Its progress is stored with each batch in consumer_offsets, in
the batch's transaction, and every partition assigned resumes from there (from the beginning for a fresh table), so
the table is always the topic up to a stored offset. While the database is away a batch is retried, never skipped.
"""

import asyncio
from collections.abc import Sequence
from typing import Any

import asyncpg
import structlog
from aiokafka.structs import ConsumerRecord
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage

from hoanhap.consumers.failures import described, transient_cause
from hoanhap.consumers.subscription import ResumeFromStoredOffsets, leave_undecoded
from hoanhap.consumers.tracking import load_offsets, save_offsets
from hoanhap.consumers.waiting import Waiting
from hoanhap.contracts.registry.identity_digests import IDENTITY_DIGEST_TOPIC
from hoanhap_credit.adapters.identity_digests import PostgresIdentityDigests

log = structlog.get_logger(__name__)
MAX_RETRY_DELAY = 5.0


class IdentityDigestConsumer:
    """Applies batches of the topic to the table, with their offsets, once the database takes them."""

    def __init__(self, name: str, pool: asyncpg.Pool, digests: PostgresIdentityDigests,
                 topic: str = IDENTITY_DIGEST_TOPIC, retry_delay: float = 0.2) -> None:
        self.name = name
        self.topics = (topic,)
        self.pool = pool
        self.digests = digests
        self.retry_delay = retry_delay
        self.waiting = Waiting()

    async def stored_offsets(self, partitions: Sequence[tuple[str, int]]) -> dict[tuple[str, int], int]:
        """The next offset to read of each partition this consumer has copied."""
        async with self.pool.acquire() as connection:
            return await load_offsets(connection, self.name, partitions)

    async def process(self, records: Sequence[ConsumerRecord]) -> None:
        """Copy the batch and store how far it goes, in one transaction; wait out a database outage."""
        delay = self.retry_delay
        while True:
            try:
                await self._commit(records)
            except Exception as error:
                if (cause := transient_cause(error)) is None:
                    raise
                self.waiting.begin(type(cause).__name__)
                log.warning("consumer waiting for the database", consumer=self.name, error=described(error))
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_RETRY_DELAY)
                continue
            self.waiting.end()
            return

    async def _commit(self, records: Sequence[ConsumerRecord]) -> None:
        offsets: dict[tuple[str, int], int] = {}
        for record in records:
            key = (record.topic, record.partition)
            offsets[key] = max(offsets.get(key, 0), record.offset + 1)
        async with self.pool.acquire() as connection, connection.transaction():
            stored = await load_offsets(connection, self.name, list(offsets))
            fresh = [record for record in records
                     if record.offset >= stored.get((record.topic, record.partition), 0)]
            await self.digests.apply(connection, fresh)
            await save_offsets(connection, self.name, offsets)


def subscribe_digests(broker: KafkaBroker, consumer: IdentityDigestConsumer, max_records: int = 500) -> Any:
    """Register the consumer on the broker as a batch subscriber resuming from the stored offsets; Kafka's own
    offsets are never committed (the table's are the truth)."""
    listener = ResumeFromStoredOffsets(consumer)  # type: ignore[arg-type]  # needs only stored_offsets
    subscriber = broker.subscriber(
        *consumer.topics, group_id=consumer.name, batch=True, max_records=max_records, auto_offset_reset="earliest",
        ack_policy=AckPolicy.MANUAL, listener=listener, decoder=leave_undecoded)
    listener.subscriber = subscriber

    @subscriber
    async def copy_batch(message: KafkaMessage) -> None:
        await consumer.process(message.raw_message)

    return subscriber
