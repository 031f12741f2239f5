"""Keeping signed checkpoints of the global chain in the store's own database, and reading them back."""

from datetime import datetime, timedelta

import asyncpg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hoanhap.eventstore.audit.checkpoint import EMPTY_STORE, ChainTip, Checkpoint, signed
from hoanhap.eventstore.errors import ChainBroken
from hoanhap.eventstore.feed_audit import FeedAudit, FeedVerdict
from hoanhap.eventstore.postgres import queries
from hoanhap.eventstore.postgres.locks import CHECKPOINT_LOCK
from hoanhap.eventstore.postgres.rows import feed_link
from hoanhap.postgres.connections import Connection

BATCH = 1000
COLUMNS = "position, global_hash, events, taken_at, signature"
EVERY_CHECKPOINT = f"SELECT {COLUMNS} FROM event_checkpoints ORDER BY position"
LATEST_CHECKPOINT = f"SELECT {COLUMNS} FROM event_checkpoints ORDER BY position DESC LIMIT 1"
TAKEN_SINCE = "SELECT EXISTS (SELECT FROM event_checkpoints WHERE taken_at > $1)"
KEEP_CHECKPOINT = f"INSERT INTO event_checkpoints ({COLUMNS}) VALUES ($1, $2, $3, $4, $5)"


async def every_checkpoint(connection: Connection, store: str) -> list[Checkpoint]:
    """The checkpoints kept in the database, in position order."""
    return [_checkpoint(store, row) for row in await connection.fetch(EVERY_CHECKPOINT)]


async def take_checkpoint(connection: Connection, store: str, key: Ed25519PrivateKey, taken_at: datetime,
                          unless_taken_within: timedelta | None = None) -> Checkpoint | None:
    """Sign and keep a checkpoint of the chain's newest event, once the chain links up to it from the last
    checkpoint; ChainBroken if it does not. None when another process is taking one, when one was taken within
    unless_taken_within before taken_at, or when nothing was appended since the last."""
    async with connection.transaction():
        if not await connection.fetchval("SELECT pg_try_advisory_xact_lock($1)", CHECKPOINT_LOCK):
            return None
        if unless_taken_within and await connection.fetchval(TAKEN_SINCE, taken_at - unless_taken_within):
            return None
        latest = await connection.fetchrow(LATEST_CHECKPOINT)
        walked = await _walk_after(connection, _checkpoint(store, latest).tip if latest else EMPTY_STORE)
        if walked.broken_link is not None:
            raise ChainBroken(f"no checkpoint signed: {walked.broken_link.explanation}")
        if walked.events_checked == 0:
            return None
        checkpoint = signed(key, store, walked.tip, taken_at)
        await connection.execute(KEEP_CHECKPOINT, checkpoint.position, checkpoint.tip.global_hash,
                                 checkpoint.tip.events, checkpoint.taken_at, checkpoint.signature)
    return checkpoint


async def _walk_after(connection: Connection, start: ChainTip) -> FeedVerdict:
    """The global chain from start to the newest event, in one snapshot (one statement's cursor)."""
    audit = FeedAudit(start=start)
    async for row in connection.cursor(queries.FEED_LINKS_AFTER, start.position, prefetch=BATCH):
        audit.feed(feed_link(row))
    return audit.result()


def _checkpoint(store: str, row: asyncpg.Record) -> Checkpoint:
    return Checkpoint(store, ChainTip(row["position"], row["global_hash"], row["events"]), row["taken_at"],
                      row["signature"])
