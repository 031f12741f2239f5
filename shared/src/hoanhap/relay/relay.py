"""The relay: committed events, read gap-safely from the event store, published to Kafka in order.

At least once: the position is stored only after the broker acknowledged every message up to it, so a crash
republishes at most the unacknowledged tail, and consumers skip what they already processed. An event that
cannot be mapped never stops the relay: it is held back with the rest of its stream (`held.py`) while every
other stream is published.
"""

import asyncio
import time
from collections.abc import Callable

import asyncpg
import structlog
from aiokafka import AIOKafkaProducer

from hoanhap.contracts import KafkaMessage
from hoanhap.eventstore import EventFeed, StoredEvent
from hoanhap.relay import held
from hoanhap.relay.held import WAITING, HeldEvent
from hoanhap.relay.lag import RelayLag
from hoanhap.relay.metrics import count_held
from hoanhap.relay.positions import load_position, save_position

log = structlog.get_logger(__name__)

YIELD_EVERY = 100
EventMapper = Callable[[StoredEvent], KafkaMessage | None]


class Relay:
    """Publishes one service's events; map_event turns a stored event into its integration message (or None)."""

    def __init__(self, name: str, pool: asyncpg.Pool, feed: EventFeed, producer: AIOKafkaProducer,
                 map_event: EventMapper, batch_size: int = 2000) -> None:
        self.name = name
        self.pool = pool
        self.feed = feed
        self.producer = producer
        self.map_event = map_event
        self.batch_size = batch_size

    async def publish_next_batch(self) -> int:
        """Publish the held events an operator released, then the events after the stored position (holding back
        any that cannot be mapped, with the rest of their stream); wait for every ack, then store the new
        position and what was held, together."""
        await self._publish_released()
        async with self.pool.acquire() as connection:
            position = await load_position(connection, self.name)
            holding = await held.held_streams(connection, self.name)
        events = await self.feed.read_all_after(position, self.batch_size)
        if not events:
            return 0
        held_back = await self._publish(events, holding)
        async with self.pool.acquire() as connection, connection.transaction():
            await held.hold(connection, self.name, held_back)
            await save_position(connection, self.name, events[-1].position)
        count_held(self.name, len(held_back))
        return len(events)

    async def reset(self) -> None:
        """Forget the position, so the next batches republish everything from the first event."""
        async with self.pool.acquire() as connection:
            await save_position(connection, self.name, 0)

    async def lag(self) -> RelayLag:
        """Events committed but not yet acknowledged, and the age of the oldest of them."""
        async with self.pool.acquire() as connection:
            position = await load_position(connection, self.name)
        waiting = await self.feed.read_all_after(position, 1)
        if not waiting:
            return RelayLag(events=0, seconds=0.0)
        behind = await self.feed.last_position() - position
        return RelayLag(events=behind, seconds=max(time.time() - waiting[0].recorded_at.timestamp(), 0.0))

    async def _publish(self, events: list[StoredEvent], holding: set[str]) -> list[HeldEvent]:
        """Send the events in order and wait for the acks; the events held back instead."""
        acks, held_back = [], []
        for count, event in enumerate(events, 1):
            if count % YIELD_EVERY == 0:
                await asyncio.sleep(0)  # a large batch must not hold up the HTTP requests sharing this loop
            if event.stream_id in holding:
                held_back.append(HeldEvent(event.position, event.stream_id, event.type, WAITING))
                continue
            try:
                message = self.map_event(event)
            except Exception as error:  # noqa: BLE001 - any failure to map holds the stream, never the relay
                held_back.append(self._unmappable(event, error))
                holding.add(event.stream_id)
                continue
            if message is not None:
                acks.append(await self.producer.send(message.topic, message.value, key=message.key,
                                                     headers=message.headers))
        await asyncio.gather(*acks)
        return held_back

    async def _publish_released(self) -> None:
        """Publish, stream by stream in position order, the held events an operator asked to retry; a stream
        whose event still cannot be mapped waits again."""
        async with self.pool.acquire() as connection:
            released = await held.retries_requested(connection, self.name)
        failed: set[str] = set()
        published, acks = [], []
        for item in released:
            if item.stream_id in failed:
                continue
            [event] = await self.feed.read_all_after(item.position - 1, 1)
            try:
                message = self.map_event(event)
            except Exception as error:  # noqa: BLE001 - still unmappable: the stream waits again
                failed.add(item.stream_id)
                async with self.pool.acquire() as connection:
                    await held.hold_again(connection, self.name, self._unmappable(event, error))
                continue
            if message is not None:
                acks.append(await self.producer.send(message.topic, message.value, key=message.key,
                                                     headers=message.headers))
            published.append(item.position)
        await asyncio.gather(*acks)
        if published:
            async with self.pool.acquire() as connection:
                await held.mark_published(connection, self.name, published)

    def _unmappable(self, event: StoredEvent, error: Exception) -> HeldEvent:
        reason = f"cannot be mapped: {type(error).__name__}: {error}"
        log.error("relay holds an event it cannot map, and the rest of its stream", relay=self.name,
                  position=event.position, stream_id=event.stream_id, event_type=event.type,
                  error=type(error).__name__)
        return HeldEvent(event.position, event.stream_id, event.type, reason)


def idempotent_producer(bootstrap_servers: str) -> AIOKafkaProducer:
    """The relay's producer: idempotent, acks from all in-sync replicas, small linger for batching."""
    return AIOKafkaProducer(bootstrap_servers=bootstrap_servers, enable_idempotence=True, acks="all",
                            linger_ms=2, max_batch_size=512 * 1024, request_timeout_ms=30_000)
