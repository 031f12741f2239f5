"""GET /v1/feed: Server-Sent Events, one per projected change, resumable with Last-Event-ID; GET /v1/lag."""

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

import asyncpg
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse

from hoanhap_stats.api.figures import Shown
from hoanhap_stats.feed import FEED_CHANNEL
from hoanhap_stats.lag import latest
from hoanhap_stats.suppression import Disclosure

router = APIRouter(prefix="/v1", tags=["live"])
KEEPALIVE_SECONDS = 15.0
PAGE = 500


@router.get("/feed", response_class=StreamingResponse)
async def feed(request: Request, shown: Shown,
               last_event_id: Annotated[int | None, Header(alias="Last-Event-ID", ge=0)] = None,
               after: Annotated[str | None, Query(pattern=r"^(latest|[0-9]+)$",
                                                  description="start after this id, or 'latest' for new ones only")
                                ] = None) -> StreamingResponse:
    """Every change after Last-Event-ID (a reconnecting browser sends it), else after `after`, else from the
    start; then each new one as it is projected."""
    start = last_event_id if last_event_id is not None else await starting_point(request, after)
    return StreamingResponse(changes(request, shown, start), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def starting_point(request: Request, after: str | None) -> int:
    """The id to stream after: a given one, the newest one for 'latest', or 0."""
    if after != "latest":
        return int(after or 0)
    async with request.app.state.runtime.pool.acquire() as connection:
        return int(await connection.fetchval("SELECT coalesce(max(id), 0) FROM feed"))


@router.get("/lag")
async def lag() -> dict[str, Any]:
    """Seconds between the newest projected event's recording and its projection."""
    return {"projection_lag_seconds": latest.get("lag_seconds"), "newest_event_at": latest.get("event_time")}


async def changes(request: Request, shown: Disclosure, after: int) -> AsyncIterator[str]:
    """The SSE stream: pages of stored changes, then a wait for the next NOTIFY (or a keep-alive)."""
    woken = asyncio.Event()
    schema = request.app.state.database_schema
    listener = await asyncpg.connect(request.app.state.database_url,
                                     server_settings={"search_path": schema} if schema else None)
    await listener.add_listener(FEED_CHANNEL, lambda *_: woken.set())
    try:
        while not await request.is_disconnected():
            rows = await listener.fetch("SELECT id, recorded_at, figure, province_code, commune_code, value FROM feed "
                                        "WHERE id > $1 ORDER BY id LIMIT $2", after, PAGE)
            for row in rows:
                after = row["id"]
                yield message(row, shown)
            if len(rows) < PAGE:
                if not await woken_within(woken, KEEPALIVE_SECONDS):
                    yield ": keep-alive\n\n"
                woken.clear()
    finally:
        await listener.close()


def message(row: asyncpg.Record, shown: Disclosure) -> str:
    """One change as an SSE message; a small value is withheld from public readers."""
    data = {"figure": row["figure"], "province_code": row["province_code"], "commune_code": row["commune_code"],
            "value": shown.count(row["value"]), "recorded_at": row["recorded_at"].isoformat()}
    return f"id: {row['id']}\nevent: change\ndata: {json.dumps(data)}\n\n"


async def woken_within(woken: asyncio.Event, seconds: float) -> bool:
    try:
        await asyncio.wait_for(woken.wait(), seconds)
    except TimeoutError:
        return False
    return True
