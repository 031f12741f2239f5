"""The relay: committed events, read gap-safely from the event store, published to Kafka in order.

At least once: the position is stored only after the broker acknowledged every message up to it, so a crash
republishes at most the unacknowledged tail, and consumers skip what they already processed.
"""

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

import asyncpg
import structlog
from aiokafka import AIOKafkaProducer

from hoanhap.contracts import KafkaMessage
from hoanhap.eventstore import EventFeed, StoredEvent
from hoanhap.relay.positions import load_position, save_position

log = structlog.get_logger(__name__)

YIELD_EVERY = 100
EventMapper = Callable[[StoredEvent], KafkaMessage | None]


@dataclass(frozen=True)
class RelayLag:
    """How far the relay is behind the store."""

    events: int
    seconds: float


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
        """Publish the events after the stored position, wait for every ack, then store the new position."""
        async with self.pool.acquire() as connection:
            position = await load_position(connection, self.name)
        events = await self.feed.read_all_after(position, self.batch_size)
        if not events:
            return 0
        await self._publish(events)
        async with self.pool.acquire() as connection:
            await save_position(connection, self.name, events[-1].position)
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

    async def _publish(self, events: list[StoredEvent]) -> None:
        acks = []
        for count, event in enumerate(events, 1):
            if count % YIELD_EVERY == 0:
                await asyncio.sleep(0)  # a large batch must not hold up the HTTP requests sharing this loop
            message = self.map_event(event)
            if message is not None:
                acks.append(await self.producer.send(message.topic, message.value, key=message.key,
                                                     headers=message.headers))
        await asyncio.gather(*acks)


def idempotent_producer(bootstrap_servers: str) -> AIOKafkaProducer:
    """The relay's producer: idempotent, acks from all in-sync replicas, small linger for batching."""
    return AIOKafkaProducer(bootstrap_servers=bootstrap_servers, enable_idempotence=True, acks="all",
                            linger_ms=2, max_batch_size=512 * 1024, request_timeout_ms=30_000)
