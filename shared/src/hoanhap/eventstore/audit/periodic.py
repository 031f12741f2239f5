"""Checkpoints taken while a service runs: every process of the service tries about every
AUDIT_CHECKPOINT_SECONDS, and the database lets one sign (a transaction-level lock, and none when another
was taken within half that time), so no leader needs electing and a process that dies leaves nothing held."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import asyncpg
import structlog
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hoanhap.eventstore.audit.checkpoint import Checkpoint
from hoanhap.eventstore.audit.outside import keep_outside
from hoanhap.eventstore.audit.settings import CheckpointSettings
from hoanhap.eventstore.clock import utc_now
from hoanhap.eventstore.errors import ChainBroken
from hoanhap.eventstore.postgres.checkpoints import take_checkpoint
from hoanhap.relay.wakeup import stopped_within

log = structlog.get_logger(__name__)


@asynccontextmanager
async def checkpoints_running(pool: asyncpg.Pool, store: str, settings: CheckpointSettings) -> AsyncIterator[None]:
    """Checkpoints taken in the background while the context is open; none without a signing key."""
    key = settings.signing_key
    if key is None:
        log.warning("no AUDIT_SIGNING_KEY: no checkpoints are signed, so a deleted tail of the event store "
                    "cannot be detected", store=store)
        yield
        return
    stop = asyncio.Event()
    task = asyncio.create_task(_keep_checkpointing(pool, store, key, settings, stop))
    try:
        yield
    finally:
        stop.set()
        await task


async def checkpoint_now(pool: asyncpg.Pool, store: str, key: Ed25519PrivateKey, settings: CheckpointSettings,
                         unless_taken_within: timedelta | None = None) -> Checkpoint | None:
    """Sign a checkpoint of the store as it is now and keep its copies outside; None if there was none to take."""
    async with pool.acquire() as connection:
        checkpoint = await take_checkpoint(connection, store, key, utc_now(), unless_taken_within)
    if checkpoint is not None:
        await asyncio.to_thread(keep_outside, checkpoint, settings.audit_checkpoint_file)  # fsync off the loop
    return checkpoint


async def _keep_checkpointing(pool: asyncpg.Pool, store: str, key: Ed25519PrivateKey,
                              settings: CheckpointSettings, stop: asyncio.Event) -> None:
    every = settings.audit_checkpoint_seconds
    while not await stopped_within(stop, every):
        try:
            await checkpoint_now(pool, store, key, settings, timedelta(seconds=every / 2))
        except ChainBroken as broken:
            log.error("event store tampered with", store=store, reason=str(broken))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            log.warning("checkpoint not taken, or taken but not appended to its file; trying again later",
                        store=store, error=repr(error))
