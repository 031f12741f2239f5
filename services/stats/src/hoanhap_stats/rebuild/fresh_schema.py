"""`hoanhap-stats rebuild`: replay every topic from the start into a fresh schema, then swap it in atomically.

The service keeps answering from the old schema meanwhile. The replay runs in several processes (replay.py),
its tracked consumers keeping their live consumers' names, so the tracking rows carry over. Once the stored
offsets are at or past the live consumers' on every partition, the replay stops and one transaction (holding
the lock every live projection batch shares) moves the live feed across and renames the schemas; the live
consumers then find their next messages already applied and skip them. If the live ones moved on meanwhile,
the replay goes on from where it stopped.

What the live consumers dead-lettered, the replay skips: their ``dead_letters`` rows are copied into the fresh
schema before each round and at the switch, and a tracked consumer that fails on a message its table lists moves
past it without a second letter (the first one stands; the same failure found again is logged). A message that
fails in the replay only (the live consumers applied it, or dead-lettered it after the last copy) is dead-lettered
as the live path would, so nothing is dropped unseen.
"""

import time

import asyncpg
import structlog
from aiokafka import TopicPartition

from hoanhap.postgres.pool import create_pool
from hoanhap_stats.projecting.read_models import SWITCH_LOCK, install_read_models
from hoanhap_stats.projecting.tracked_consumers import Projection, consumer_name
from hoanhap_stats.rebuild.replay import Replay, replay_until
from hoanhap_stats.settings import StatsSettings
from hoanhap_stats.sources import PROJECTIONS

log = structlog.get_logger(__name__)
BEHIND = """SELECT count(*) FROM "{live}".consumer_offsets l
            LEFT JOIN "{next}".consumer_offsets n USING (consumer, topic, partition)
            WHERE l.consumer = ANY($1::text[]) AND (n.next_offset IS NULL OR n.next_offset < l.next_offset)"""
BEHIND_ON = BEHIND + " AND (l.topic, l.partition) IN (SELECT * FROM unnest($2::text[], $3::int[]))"


async def rebuild(settings: StatsSettings, timeout: float = 3600,
                  projections: tuple[Projection, ...] = PROJECTIONS) -> float:
    """Rebuild the read models from the projections' topics and swap them in; return the seconds it took."""
    live = settings.database_schema or "public"
    fresh = f"{live}_next"
    started = time.monotonic()
    admin = await asyncpg.connect(settings.database_url)
    try:
        await admin.execute(f'DROP SCHEMA IF EXISTS "{fresh}" CASCADE')
        pool = await create_pool(settings.database_url, max_size=1, schema=fresh)
        try:
            await install_read_models(pool, fresh)
        finally:
            await pool.close()
        replay = Replay(settings.database_url, fresh, settings.kafka_bootstrap_servers, settings.consumer_group,
                        settings.rebuild_processes, projections, settings.log_level)
        await replay_until_switched(replay, admin, live, started + timeout)
    finally:
        await admin.close()
    return time.monotonic() - started


async def replay_until_switched(replay: Replay, admin: asyncpg.Connection, live: str, deadline: float) -> None:
    """Replay until caught up with the live models, stop replaying, then swap; replay more if live moved on (or
    began tracking a partition created since the replay started)."""
    names = [consumer_name(replay.consumer_group, projection) for projection in replay.projections]

    async def caught_up(partitions: list[TopicPartition]) -> bool:
        return not await admin.fetchval(BEHIND_ON.format(live=live, next=replay.schema), names,
                                        [tp.topic for tp in partitions], [tp.partition for tp in partitions])

    while True:
        await carry_dead_letters(admin, live, replay.schema)
        await replay_until(replay, caught_up, deadline)
        if await switch_when_caught_up(admin, names, live, replay.schema):
            return


async def switch_when_caught_up(admin: asyncpg.Connection, consumers: list[str], live: str, fresh: str) -> bool:
    """Swap the schemas if the rebuild has applied everything the live models have; True once swapped."""
    async with admin.transaction():
        await admin.execute("SELECT pg_advisory_xact_lock($1)", SWITCH_LOCK)
        if await admin.fetchval(BEHIND.format(live=live, next=fresh), consumers):
            return False
        retired = f"{live}_old_{int(time.time())}"
        await carry_dead_letters(admin, live, fresh)
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


async def carry_dead_letters(admin: asyncpg.Connection, live: str, fresh: str) -> None:
    """Copy the live consumers' record of what they dead-lettered into the fresh schema: the replay then skips
    those messages as the live consumers did, and the record survives the switch."""
    await admin.execute(f'INSERT INTO "{fresh}".dead_letters SELECT * FROM "{live}".dead_letters '
                        "ON CONFLICT DO NOTHING")
