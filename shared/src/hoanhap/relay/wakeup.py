"""LISTEN/NOTIFY wake-ups: an append's NOTIFY sets an event the relay waits on; polling stays the fallback."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg


@asynccontextmanager
async def notifications(database_url: str, channel: str) -> AsyncIterator[asyncio.Event]:
    """An event set whenever something is NOTIFYed on channel, on a connection of its own."""
    woken = asyncio.Event()
    connection = await asyncpg.connect(database_url)

    def on_notify(*_: object) -> None:
        woken.set()

    await connection.add_listener(channel, on_notify)
    try:
        yield woken
    finally:
        await connection.close()


async def wait_for_wakeup(woken: asyncio.Event, stop: asyncio.Event, timeout: float) -> None:
    """Return when notified, when stopping, or after timeout, whichever comes first; ready for the next wait."""
    waits = [asyncio.ensure_future(woken.wait()), asyncio.ensure_future(stop.wait())]
    _, pending = await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    for wait in pending:
        wait.cancel()
    woken.clear()
