"""The live feeds. GET /v1/jurisdiction/feed: Server-Sent Events, one per projected change of the caller's own
province or communes, resumable with Last-Event-ID. GET /v1/feed, for anyone: only a notice, at most once per
interval and carrying no figure, that public figures may have changed (each change with its value and time would
tell withheld cells and when they moved: docs/disclosure-control.md). GET /v1/lag."""

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

import asyncpg
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse

from hoanhap.auth import CurrentPrincipal, Jurisdiction
from hoanhap_stats.feed import FEED_CHANNEL
from hoanhap_stats.lag import latest

router = APIRouter(prefix="/v1", tags=["live"])
KEEPALIVE_SECONDS = 15.0
PAGE = 500
STREAMING = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
OWN_CHANGES = ("SELECT id, recorded_at, figure, province_code, commune_code, value FROM feed WHERE id > $1 "
               "AND province_code = $3 AND (cardinality($4::text[]) = 0 OR commune_code = ANY($4)) "
               "ORDER BY id LIMIT $2")


@router.get("/feed", response_class=StreamingResponse)
async def public_feed(request: Request) -> StreamingResponse:
    """A `figures-changed` notice whenever something was projected in the last interval, else a keep-alive; the
    figures themselves are the API's, at its disclosure rules."""
    return StreamingResponse(notices(request), media_type="text/event-stream", headers=STREAMING)


@router.get("/jurisdiction/feed", response_class=StreamingResponse)
async def jurisdiction_feed(request: Request, principal: CurrentPrincipal,
                            last_event_id: Annotated[int | None, Header(alias="Last-Event-ID", ge=0)] = None,
                            after: Annotated[str | None, Query(pattern=r"^(latest|[0-9]+)$",
                                                               description="start after this id, or 'latest' for "
                                                                           "new ones only")] = None
                            ) -> StreamingResponse:
    """Every change in the caller's jurisdiction after Last-Event-ID (a reconnecting browser sends it), else after
    `after`, else from the start; then each new one as it is projected."""
    start = last_event_id if last_event_id is not None else await starting_point(request, after)
    return StreamingResponse(changes(request, principal.jurisdiction, start), media_type="text/event-stream",
                             headers=STREAMING)


async def starting_point(request: Request, after: str | None) -> int:
    """The id to stream after: a given one, the newest one for 'latest', or 0."""
    if after != "latest":
        return int(after or 0)
    return await newest_change(request)


async def newest_change(request: Request) -> int:
    async with request.app.state.runtime.pool.acquire() as connection:
        return int(await connection.fetchval("SELECT coalesce(max(id), 0) FROM feed"))


@router.get("/lag")
async def lag() -> dict[str, Any]:
    """Seconds between the newest projected event's recording and its projection."""
    return {"projection_lag_seconds": latest.get("lag_seconds"), "newest_event_at": latest.get("event_time")}


async def notices(request: Request) -> AsyncIterator[str]:
    """The public stream: each interval, a notice if the feed moved in it, else a keep-alive."""
    seen = await newest_change(request)
    while not await request.is_disconnected():
        await asyncio.sleep(request.app.state.public_feed_seconds)
        newest = await newest_change(request)
        yield "event: figures-changed\ndata: {}\n\n" if newest != seen else ": keep-alive\n\n"
        seen = newest


async def changes(request: Request, jurisdiction: Jurisdiction, after: int) -> AsyncIterator[str]:
    """The jurisdiction's stream: pages of its stored changes, then a wait for the next NOTIFY (or a keep-alive)."""
    woken = asyncio.Event()
    schema = request.app.state.database_schema
    listener = await asyncpg.connect(request.app.state.database_url,
                                     server_settings={"search_path": schema} if schema else None)
    await listener.add_listener(FEED_CHANNEL, lambda *_: woken.set())
    try:
        while not await request.is_disconnected():
            rows = await listener.fetch(OWN_CHANGES, after, PAGE, jurisdiction.province, list(jurisdiction.communes))
            for row in rows:
                after = row["id"]
                yield message(row)
            if len(rows) < PAGE:
                if not await woken_within(woken, KEEPALIVE_SECONDS):
                    yield ": keep-alive\n\n"
                woken.clear()
    finally:
        await listener.close()


def message(row: asyncpg.Record) -> str:
    """One change as an SSE message."""
    data = {"figure": row["figure"], "province_code": row["province_code"], "commune_code": row["commune_code"],
            "value": row["value"], "recorded_at": row["recorded_at"].isoformat()}
    return f"id: {row['id']}\nevent: change\ndata: {json.dumps(data)}\n\n"


async def woken_within(woken: asyncio.Event, seconds: float) -> bool:
    try:
        await asyncio.wait_for(woken.wait(), seconds)
    except TimeoutError:
        return False
    return True
