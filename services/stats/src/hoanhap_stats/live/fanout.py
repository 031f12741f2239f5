"""The one source of the live feeds in a process: one LISTEN connection wakes one reader, which reads the feed's new
rows once, through the service's pool, and hands them to the process's feed clients; it also polls, so a lost
notification or a broken LISTEN connection only delays the feeds. Clients catching up read through the same pool,
a few at a time, so however many clients there are, stats holds at most its pool and this one connection."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import structlog
from fastapi import FastAPI

from hoanhap.auth import Jurisdiction
from hoanhap.relay.wakeup import notifications, stopped_within, wait_for_wakeup
from hoanhap.service.app import Extension
from hoanhap.service.runtime import Runtime
from hoanhap_stats.live.clients import Change, FeedClients, change_of
from hoanhap_stats.projecting.feed import FEED_CHANNEL

log = structlog.get_logger(__name__)

PAGE = 500
POLL_SECONDS = 5.0
RETRY_SECONDS = 1.0
CATCHING_UP_AT_ONCE = 4  # of the pool's 10 connections, the rest left to the figures and the consumers
COLUMNS = "id, recorded_at, figure, province_code, commune_code, value"
NEW_CHANGES = f"SELECT {COLUMNS} FROM feed WHERE id > $1 ORDER BY id LIMIT $2"
OWN_CHANGES = (f"SELECT {COLUMNS} FROM feed WHERE id > $1 AND province_code = $3 "
               "AND (cardinality($4::text[]) = 0 OR commune_code = ANY($4)) ORDER BY id LIMIT $2")


class FeedSource:
    """Reads the feed table for every client of this process."""

    def __init__(self, pool: asyncpg.Pool, database_url: str, clients: FeedClients) -> None:
        self.clients = clients
        self._pool = pool
        self._database_url = database_url
        self._catching_up = asyncio.Semaphore(CATCHING_UP_AT_ONCE)

    async def newest(self) -> int:
        """The id of the newest change stored."""
        async with self._catching_up:
            return int(await self._pool.fetchval("SELECT coalesce(max(id), 0) FROM feed"))

    async def own_changes(self, jurisdiction: Jurisdiction, after: int) -> list[Change]:
        """A page of the jurisdiction's stored changes after `after`, for a client catching up."""
        async with self._catching_up:
            rows = await self._pool.fetch(OWN_CHANGES, after, PAGE, jurisdiction.province, list(jurisdiction.communes))
        return [change_of(row) for row in rows]

    async def run(self, stop: asyncio.Event) -> None:
        """Publish new changes to the clients until stopped, listening again after a lost connection."""
        while not stop.is_set():
            try:
                connection = await asyncpg.connect(self._database_url)
                try:
                    async with notifications(connection, FEED_CHANNEL) as woken:
                        await self._publish_while_listening(connection, woken, stop)
                finally:
                    await connection.close()
            except Exception as error:  # noqa: BLE001 - the database may be briefly away; the feeds wait for it
                log.warning("live feed reading failed; retrying", error=str(error))
                await stopped_within(stop, RETRY_SECONDS)

    async def _publish_while_listening(self, connection: asyncpg.Connection, woken: asyncio.Event,
                                       stop: asyncio.Event) -> None:
        while not stop.is_set() and not connection.is_closed():
            await self._publish_new()
            await wait_for_wakeup(woken, stop, POLL_SECONDS)

    async def _publish_new(self) -> None:
        """Read every change after the clients' head, a page at a time, and publish each."""
        while True:
            rows = await self._pool.fetch(NEW_CHANGES, self.clients.head, PAGE)
            for row in rows:
                self.clients.publish(change_of(row))
            if len(rows) < PAGE:
                return


def live_feed(database_url: str, clients_max: int) -> Extension:
    """The extension that runs the feed source beside the app (after the read models are installed) as
    `app.state.feed`."""

    @asynccontextmanager
    async def serving(app: FastAPI, runtime: Runtime) -> AsyncIterator[None]:
        source = FeedSource(runtime.pool, database_url, FeedClients(clients_max))
        source.clients.head = await source.newest()
        app.state.feed = source
        stop = asyncio.Event()
        reading = asyncio.create_task(source.run(stop))
        try:
            yield
        finally:
            stop.set()
            await reading

    return serving
