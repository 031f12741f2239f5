"""Tracking rows: the next offset a consumer has to process, committed with the effects of the ones before it."""

from collections.abc import Iterable, Mapping
from uuid import UUID

import asyncpg

TopicPartitionKey = tuple[str, int]


async def load_offsets(connection: asyncpg.Connection, consumer: str,
                       partitions: Iterable[TopicPartitionKey]) -> dict[TopicPartitionKey, int]:
    """The stored next offset of each given partition that has one."""
    wanted = list(set(partitions))
    rows = await connection.fetch(
        "SELECT topic, partition, next_offset FROM consumer_offsets "
        "WHERE consumer = $1 AND (topic, partition) IN (SELECT * FROM unnest($2::text[], $3::int[]))",
        consumer, [topic for topic, _ in wanted], [partition for _, partition in wanted])
    return {(row["topic"], row["partition"]): row["next_offset"] for row in rows}


async def save_offsets(connection: asyncpg.Connection, consumer: str,
                       offsets: Mapping[TopicPartitionKey, int]) -> None:
    """Record the next offset to process for each partition (call inside the effects' transaction)."""
    if not offsets:
        return
    await connection.execute(
        "INSERT INTO consumer_offsets (consumer, topic, partition, next_offset) "
        "SELECT $1, * FROM unnest($2::text[], $3::int[], $4::bigint[]) "
        "ON CONFLICT (consumer, topic, partition) DO UPDATE "
        "SET next_offset = EXCLUDED.next_offset, updated_at = now() "
        "WHERE consumer_offsets.next_offset < EXCLUDED.next_offset",
        consumer, [topic for topic, _ in offsets], [partition for _, partition in offsets],
        list(offsets.values()))


async def claim_new_events(connection: asyncpg.Connection, consumer: str, event_ids: list[UUID]) -> set[UUID]:
    """Record the event ids as processed and return those not processed before (call inside the transaction)."""
    if not event_ids:
        return set()
    rows = await connection.fetch(
        "INSERT INTO processed_events (consumer, event_id) SELECT $1, unnest($2::uuid[]) "
        "ON CONFLICT DO NOTHING RETURNING event_id", consumer, event_ids)
    return {row["event_id"] for row in rows}


async def dead_lettered_before(connection: asyncpg.Connection, consumer: str, topic: str, partition: int,
                               offset: int) -> bool:
    """Whether the consumer has dead-lettered the message at this position already (see ``record_dead_letter``)."""
    return bool(await connection.fetchval(
        'SELECT EXISTS (SELECT 1 FROM dead_letters WHERE consumer = $1 AND topic = $2 AND partition = $3 '
        'AND "offset" = $4)', consumer, topic, partition, offset))


async def record_dead_letter(connection: asyncpg.Connection, consumer: str, topic: str, partition: int, offset: int,
                             reason: str) -> None:
    """Note that the message at this position went to the dead-letter topic, and why (call inside the transaction
    that moves the offsets past it)."""
    await connection.execute(
        'INSERT INTO dead_letters (consumer, topic, partition, "offset", reason) VALUES ($1, $2, $3, $4, $5) '
        "ON CONFLICT DO NOTHING", consumer, topic, partition, offset, reason)
