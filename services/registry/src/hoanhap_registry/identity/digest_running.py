"""Running the identity-digest publisher beside the relay: one active publisher per deployment (a session lock),
the topic made ready first, then the queue polled and digested by worker processes, started only by the active
publisher, at the registry's quiet moments; broker and database errors retried. A stop cancels the batch under
way: its rows stay queued and are published again at the next start (a digest twice on a compacted topic is
harmless)."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog

from hoanhap.excerpts import excerpt
from hoanhap.relay.wakeup import leadership, stopped_within
from hoanhap_registry.identity.digest_publisher import IdentityDigestPublisher
from hoanhap_registry.identity.digest_topic import ensure_identity_digest_topic
from hoanhap_registry.identity.digest_workers import digest_workers

log = structlog.get_logger(__name__)

POLL_INTERVAL = 0.5
RETRY_DELAY = 1.0
LOCK_NAME = "registry-identity-digests"
T = TypeVar("T")


async def run_identity_digests(publisher: IdentityDigestPublisher, processes: int, database_url: str,
                               bootstrap_servers: str, stop: asyncio.Event) -> None:
    """Publish the queue until stop is set, as the one active publisher (others stand by), digesting in
    `processes` worker processes at the registry's quiet moments."""
    async with leadership(database_url, LOCK_NAME, stop) as connection:
        if connection is None:
            return
        await _retrying(lambda: ensure_identity_digest_topic(bootstrap_servers), stop)
        with digest_workers(processes, publisher.activity) as workers:
            await _retrying(workers.start, stop)
            while not stop.is_set():
                handled = await _retrying(lambda: publisher.publish_next_batch(workers), stop)
                if not handled:
                    await stopped_within(stop, POLL_INTERVAL)


async def _retrying(step: Callable[[], Awaitable[T]], stop: asyncio.Event) -> T | None:
    """The step's result, retried after RETRY_DELAY while it fails (the broker or database may be briefly away);
    None if stopped first."""
    while not stop.is_set():
        try:
            return await _unless_stopped(step(), stop)
        except Exception as error:  # noqa: BLE001 - retried until it works or the service stops
            log.warning("identity digests: step failed; retrying", error=type(error).__name__,
                        reason=excerpt(str(error), 200))
            await stopped_within(stop, RETRY_DELAY)
    return None


async def _unless_stopped(work: Awaitable[T], stop: asyncio.Event) -> T | None:
    """The work's result, or None when stop is set first, the work then cancelled."""
    task = asyncio.ensure_future(work)
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    if task.done():
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return None
