"""A tracked consumer: each message's effects and its tracking rows commit in one PostgreSQL transaction.

Redelivered messages (same offset) and republished events (same event id, new offset) are recognised and
skipped, so effects happen exactly once without Kafka transactions. A message that keeps failing goes to the
consumer's dead-letter topic after a bounded number of tries and the partition moves on; while the database or
the broker is away (``failures``: a closed list), processing waits and retries instead of skipping anything.
"""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from uuid import UUID

import asyncpg
import structlog
from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord

from hoanhap.consumers.dead_letters import bounded_reason, send_to_dead_letters
from hoanhap.consumers.decoding import Decoded, decode_yielding, next_offsets
from hoanhap.consumers.failures import described, is_transient, transient_cause
from hoanhap.consumers.outcomes import (
    DEAD_LETTERED,
    PROCESSED,
    SKIPPED_DEAD_LETTERED_BEFORE,
    SKIPPED_DUPLICATE,
    Outcomes,
)
from hoanhap.consumers.tracking import (
    claim_new_events,
    dead_lettered_before,
    load_offsets,
    record_dead_letter,
    save_offsets,
)
from hoanhap.consumers.waiting import RETRY_GRACE_SECONDS, Waiting
from hoanhap.contracts import Envelope
from hoanhap.postgres.connections import Connection

log = structlog.get_logger(__name__)

Handler = Callable[[Connection, Sequence[Envelope]], Awaitable[None]]
"""Applies a batch of new envelopes, in order, inside the transaction that also records them as processed."""
Acknowledge = Callable[[dict[tuple[str, int], int]], Awaitable[None]]
"""Commits (topic, partition) -> next offset to Kafka, once the batch before it is committed in PostgreSQL."""
ACKNOWLEDGE_SECONDS = 5.0


class TrackedConsumer:
    """Applies messages of topics to a service's tables through handle, once each.

    handle receives every new envelope of a batch at once, so projections can write in bulk.
    """

    def __init__(self, name: str, topics: Sequence[str], handle: Handler, pool: asyncpg.Pool,
                 producer: AIOKafkaProducer, max_tries: int = 3, retry_delay: float = 0.2,
                 retry_grace: float = RETRY_GRACE_SECONDS) -> None:
        self.name = name
        self.topics = tuple(topics)
        self.handle = handle
        self.pool = pool
        self.producer = producer
        self.max_tries = max_tries
        self.retry_delay = retry_delay
        self.retry_grace = retry_grace
        self.waiting = Waiting()
        self.outcomes = Outcomes(name)
        self._applying: asyncio.Task[None] | None = None
        self.acknowledge: Acknowledge | None = None

    async def process(self, records: Sequence[ConsumerRecord]) -> None:
        """Apply a batch, waiting out database or broker outages; returns once every record is settled. Kafka is
        not told (a replay of dead letters reads them outside the consumer's group)."""
        await self.hand_over(records, tell_kafka=False)
        await self.settled()

    async def hand_over(self, records: Sequence[ConsumerRecord], tell_kafka: bool = True) -> None:
        """Decode a batch and start applying it once the batch before it has committed; return without waiting
        for this one, so the next batch is fetched and decoded while this one is written.

        Batches still commit one at a time and in order, and PostgreSQL's stored offsets stay the truth about
        progress; Kafka is told (``acknowledge``) only after a batch has committed there.
        """
        batch = await decode_yielding(records)
        await self.settled()
        self._applying = asyncio.create_task(self._apply_waiting_out_outages(batch, tell_kafka))

    async def settled(self) -> None:
        """Wait for the batch handed over last to commit. A stop cancelling the waiter leaves the batch to finish,
        and a later call still waits for it. If applying it failed beyond retrying (the dead-letter topic refusing a
        letter, say), every call raises that error: no later batch may commit past records never settled."""
        if self._applying is not None:
            await asyncio.shield(self._applying)
            self._applying = None

    @property
    def failure(self) -> BaseException | None:
        """What stopped this consumer, if applying a batch failed beyond retrying; None while it works."""
        applying = self._applying
        if applying is None or not applying.done() or applying.cancelled():
            return None
        return applying.exception()

    @property
    def trouble(self) -> str | None:
        """What readiness says of this consumer: stopped, or retrying for longer than retry_grace, with the error's
        type only (an error's text may quote the data); None while it works."""
        if (failure := self.failure) is not None:
            return f"stopped: {type(failure).__name__}"
        return self.waiting.beyond(self.retry_grace)

    async def _apply_waiting_out_outages(self, batch: list[Decoded], tell_kafka: bool) -> None:
        delay = self.retry_delay
        while True:
            try:
                await self._process_batch(batch)
            except Exception as error:
                if (cause := transient_cause(error)) is None:
                    raise
                self.waiting.begin(type(cause).__name__)
                log.warning("consumer waiting for database or broker", consumer=self.name, error=described(error))
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            self.waiting.end()
            if tell_kafka:
                await self._acknowledge(next_offsets(batch))
            return

    async def _acknowledge(self, offsets: dict[tuple[str, int], int]) -> None:
        """Tell Kafka how far this consumer got, once PostgreSQL has it: Kafka's committed offsets must never run
        ahead of the stored ones, or a restarted consumer could fetch from them before it seeks back."""
        if self.acknowledge is None:
            return
        try:
            async with asyncio.timeout(ACKNOWLEDGE_SECONDS):
                await self.acknowledge(offsets)
        except Exception as error:  # noqa: BLE001 - Kafka's offsets are a hint; the next batch commits them again
            log.info("offsets not committed to Kafka", consumer=self.name, error=repr(error))

    async def stored_offsets(self, partitions: Sequence[tuple[str, int]]) -> dict[tuple[str, int], int]:
        """The next offset to read of each partition this consumer has tracked."""
        async with self.pool.acquire() as connection:
            return await load_offsets(connection, self.name, partitions)

    async def _process_batch(self, batch: list[Decoded]) -> None:
        """Dead-letter each malformed record and commit the runs of records around it in bulk; a run that fails
        otherwise (unless transiently) is applied record by record to find the one at fault."""
        for run in runs_around_malformed(batch):
            if run[0].malformed:
                await self._dead_letter(run[0], f"malformed message: {run[0].malformed}")
                continue
            try:
                await self._commit(run)
                continue
            except Exception as error:  # noqa: BLE001 - unless transient, find the failing message one by one
                if is_transient(error):
                    raise
                log.info("batch failed; applying its messages one by one", consumer=self.name, error=described(error))
            for item in run:
                await self._process_alone(item)

    async def _process_alone(self, item: Decoded) -> None:
        failure = ""
        for attempt in range(1, self.max_tries + 1):
            try:
                await self._commit([item])
                return
            except Exception as error:  # noqa: BLE001 - unless transient, bounded tries, then the dead-letter topic
                if is_transient(error):
                    raise
                failure = described(error)
                log.warning("message failed", consumer=self.name, attempt=attempt, error=failure,
                            topic=item.record.topic, partition=item.record.partition, offset=item.record.offset)
                await asyncio.sleep(self.retry_delay * attempt)
        await self._dead_letter(item, f"failed {self.max_tries} times: {failure}")

    async def _commit(self, batch: list[Decoded]) -> None:
        """Apply the batch and its tracking rows in one transaction; count outcomes once it committed."""
        async with self.pool.acquire() as connection, connection.transaction():
            outcomes = await self._apply(connection, batch)
        self.outcomes.record_all(outcomes)

    async def _apply(self, connection: Connection, batch: list[Decoded]) -> list[tuple[str, str]]:
        stored = await load_offsets(connection, self.name, [item.partition_key for item in batch])
        fresh = [item for item in batch if item.record.offset >= stored.get(item.partition_key, 0)]
        envelopes = [item.envelope for item in fresh if item.envelope is not None]
        unseen = await claim_new_events(connection, self.name, list(dict.fromkeys(e.id for e in envelopes)))
        outcomes, due = [], []
        for item in fresh:
            outcome = classify(item, unseen)
            outcomes.append((item.record.topic, outcome))
            if outcome == PROCESSED and item.envelope is not None:
                due.append(item.envelope)
        if due:
            await self.handle(connection, due)
        await save_offsets(connection, self.name, next_offsets(batch))
        return outcomes

    async def _dead_letter(self, item: Decoded, reason: str) -> None:
        """Send the message to the dead-letter topic and move past it; one this consumer's table lists as
        dead-lettered already (delivered again, or replayed by a rebuild that carried the table over) is only
        moved past: the first letter stands, and replaying it twice would be the operator's double work."""
        reason, record = bounded_reason(reason), item.record
        async with self.pool.acquire() as connection:
            again = await dead_lettered_before(connection, self.name, record.topic, record.partition, record.offset)
        if not again:
            await send_to_dead_letters(self.producer, self.name, record, reason)
        async with self.pool.acquire() as connection, connection.transaction():
            await record_dead_letter(connection, self.name, record.topic, record.partition, record.offset, reason)
            await save_offsets(connection, self.name, next_offsets([item]))
        self.outcomes.record(record.topic, SKIPPED_DEAD_LETTERED_BEFORE if again else DEAD_LETTERED)
        where = {"consumer": self.name, "reason": reason, "topic": record.topic, "partition": record.partition,
                 "offset": record.offset}
        if again:
            log.warning("message skipped: dead-lettered before", **where)
        else:
            log.error("message dead-lettered", **where)


def runs_around_malformed(batch: list[Decoded]) -> list[list[Decoded]]:
    """The batch in order, cut before and after each malformed record, which stands alone: one bad record in a
    replay's 5,000 leaves the rest committed in bulk."""
    runs: list[list[Decoded]] = []
    for item in batch:
        if item.malformed or not runs or runs[-1][0].malformed:
            runs.append([item])
        else:
            runs[-1].append(item)
    return runs


def classify(item: Decoded, unseen: set[UUID]) -> str:
    """What to do with one fresh record: process it, or skip it and why (unseen loses the ids it hands out)."""
    if item.envelope is None:
        log.info("message skipped", reason=item.skip_reason, topic=item.record.topic, offset=item.record.offset)
        return f"skipped:{item.skip_reason}"
    event_id = item.envelope.id
    if event_id not in unseen:
        return SKIPPED_DUPLICATE
    unseen.discard(event_id)
    return PROCESSED
