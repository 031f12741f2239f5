"""Running a relay until stopped: woken by NOTIFY, polling as the fallback, retrying after broker errors."""

import asyncio
import time

import asyncpg
import structlog

from hoanhap.relay import metrics
from hoanhap.relay.relay import Relay
from hoanhap.relay.wakeup import leadership, notifications, wait_for_wakeup

log = structlog.get_logger(__name__)

POLL_INTERVAL = 1.0
RETRY_DELAY = 1.0
LINGER = 0.005  # after a wake-up, let a few more appends commit so one batch carries them all
LAG_REPORT_INTERVAL = 1.0


async def run_relay(relay: Relay, database_url: str, channel: str, stop: asyncio.Event) -> None:
    """Publish batches until stop is set, as the one active relay of its name (others stand by); sleep until a
    NOTIFY (or the poll interval) when caught up."""
    async with leadership(database_url, relay.name, stop) as connection:
        if connection is None:
            return
        log.info("relay active", relay=relay.name)
        await _publish_until(relay, connection, channel, stop)


async def _publish_until(relay: Relay, connection: asyncpg.Connection, channel: str, stop: asyncio.Event) -> None:
    lag_reported = 0.0
    async with notifications(connection, channel) as woken:
        while not stop.is_set():
            try:
                published = await relay.publish_next_batch()
                metrics.count_published(relay.name, published)
                if published == 0 or time.monotonic() - lag_reported > LAG_REPORT_INTERVAL:
                    metrics.report_lag(relay.name, await relay.lag())
                    lag_reported = time.monotonic()
            except Exception as error:  # noqa: BLE001 - the broker or database may be briefly away
                log.warning("relay batch failed; retrying", relay=relay.name, error=str(error))
                await wait_for_wakeup(woken, stop, RETRY_DELAY)
                continue
            if published == 0:
                await wait_for_wakeup(woken, stop, POLL_INTERVAL)
            await asyncio.sleep(LINGER)

