"""LISTEN/NOTIFY wake-ups: an append's NOTIFY sets an event the relay waits on; polling stays the fallback."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from hoanhap.postgres.advisory_locks import advisory_lock_key

STANDBY_RETRY = 2.0


@asynccontextmanager
async def leadership(database_url: str, relay: str, stop: asyncio.Event) -> AsyncIterator[asyncpg.Connection | None]:
    """A connection holding the relay's session lock, so one relay publishes while others stand by; None if
    stop is set before the lock comes free. Losing the connection loses the lock, and a standby takes over."""
    connection = await asyncpg.connect(database_url)
    try:
        while not await connection.fetchval("SELECT pg_try_advisory_lock($1)", advisory_lock_key(f"relay:{relay}")):
            if await stopped_within(stop, STANDBY_RETRY):
                yield None
                return
        yield connection
    finally:
        await connection.close()


@asynccontextmanager
async def notifications(connection: asyncpg.Connection, channel: str) -> AsyncIterator[asyncio.Event]:
    """An event set whenever something is NOTIFYed on channel, LISTENed on the relay's own connection."""
    woken = asyncio.Event()

    def on_notify(*_: object) -> None:
        woken.set()

    await connection.add_listener(channel, on_notify)
    try:
        yield woken
    finally:
        await connection.remove_listener(channel, on_notify)


async def wait_for_wakeup(woken: asyncio.Event, stop: asyncio.Event, timeout: float) -> None:
    """Return when notified, when stopping, or after timeout, whichever comes first; ready for the next wait."""
    waits = [asyncio.ensure_future(woken.wait()), asyncio.ensure_future(stop.wait())]
    _, pending = await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    for wait in pending:
        wait.cancel()
    woken.clear()


async def stopped_within(stop: asyncio.Event, seconds: float) -> bool:
    """Wait up to `seconds`; whether stop was set meanwhile."""
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return False
    return True
