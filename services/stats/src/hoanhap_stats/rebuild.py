"""`hoanhap-stats rebuild`: replay every topic from the start into a fresh schema, then swap it in atomically.

The service keeps answering from the old schema meanwhile. Each rebuild consumer keeps its live consumer's name
(so its tracking rows carry over) but reads in a Kafka group of its own from offset 0. Once their stored offsets
are at or past the live consumers' on every partition, one transaction (holding the lock every live projection
batch shares) moves the live feed across and renames the schemas; the live consumers then find their next
messages already applied and skip them.
"""

import asyncio
import time
import uuid

import asyncpg
import structlog
from faststream.kafka import KafkaBroker

from hoanhap.consumers import subscribe
from hoanhap.observability import broker_logger
from hoanhap.postgres_pool import create_pool
from hoanhap.relay import idempotent_producer
from hoanhap_stats.consumers import tracked_consumers
from hoanhap_stats.read_models import SWITCH_LOCK, install_read_models
from hoanhap_stats.settings import StatsSettings

log = structlog.get_logger(__name__)
REPLAY_BATCH = 5000
BEHIND = """SELECT count(*) FROM "{live}".consumer_offsets l
            LEFT JOIN "{next}".consumer_offsets n USING (consumer, topic, partition)
            WHERE l.consumer = ANY($1::text[]) AND (n.next_offset IS NULL OR n.next_offset < l.next_offset)"""


async def rebuild(settings: StatsSettings, timeout: float = 3600) -> float:
    """Rebuild the read models and swap them in; return the seconds it took."""
    live = settings.database_schema or "public"
    fresh = f"{live}_next"
    started = time.monotonic()
    admin = await asyncpg.connect(settings.database_url)
    try:
        await admin.execute(f'DROP SCHEMA IF EXISTS "{fresh}" CASCADE')
        pool = await create_pool(settings.database_url, max_size=8, schema=fresh)
        try:
            await install_read_models(pool, fresh)
            await replay_until_switched(settings, pool, admin, live, fresh, started + timeout)
        finally:
            await pool.close()
    finally:
        await admin.close()
    return time.monotonic() - started


async def replay_until_switched(settings: StatsSettings, pool: asyncpg.Pool, admin: asyncpg.Connection,
                                live: str, fresh: str, deadline: float) -> None:
    """Replay until caught up with the live models, stop replaying, then swap; replay more if live moved on."""
    group = f"{settings.consumer_group}-rebuild-{uuid.uuid4().hex[:8]}"
    producer = idempotent_producer(settings.kafka_bootstrap_servers)
    await producer.start()
    try:
        while True:
            broker = KafkaBroker(settings.kafka_bootstrap_servers, logger=broker_logger())
            consumers = tracked_consumers(settings.consumer_group, pool, producer)
            for consumer in consumers:
                subscribe(broker, consumer, max_records=REPLAY_BATCH, group_id=f"{group}-{consumer.name}")
            names = [consumer.name for consumer in consumers]
            await broker.start()
            try:
                while await admin.fetchval(BEHIND.format(live=live, next=fresh), names):
                    if time.monotonic() > deadline:
                        raise TimeoutError("the rebuild did not catch up with the live read models in time")
                    await asyncio.sleep(0.5)
            finally:
                await broker.stop()  # no rebuild batch may run once the schemas are swapped
                for consumer in consumers:
                    await consumer.settled()
            if await switch_when_caught_up(admin, names, live, fresh):
                return
    finally:
        await producer.stop()


async def switch_when_caught_up(admin: asyncpg.Connection, consumers: list[str], live: str, fresh: str) -> bool:
    """Swap the schemas if the rebuild has applied everything the live models have; True once swapped."""
    async with admin.transaction():
        await admin.execute("SELECT pg_advisory_xact_lock($1)", SWITCH_LOCK)
        if await admin.fetchval(BEHIND.format(live=live, next=fresh), consumers):
            return False
        retired = f"{live}_old_{int(time.time())}"
        await keep_the_feed(admin, live, fresh)
        await admin.execute(f'ALTER SCHEMA "{live}" RENAME TO "{retired}"')
        await admin.execute(f'ALTER SCHEMA "{fresh}" RENAME TO "{live}"')
    await admin.execute(f'DROP SCHEMA "{retired}" CASCADE')
    log.info("read models rebuilt and switched", schema=live)
    return True


async def keep_the_feed(admin: asyncpg.Connection, live: str, fresh: str) -> None:
    """Carry the live feed over, ids and all, in place of the one the replay wrote: a reader resuming with
    Last-Event-ID after the switch goes on from where it was, and the ids keep counting up."""
    await admin.execute(f'DROP TABLE "{fresh}".feed')
    await admin.execute(f'ALTER TABLE "{live}".feed SET SCHEMA "{fresh}"')
