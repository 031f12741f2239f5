"""The live feeds. GET /v1/jurisdiction/feed: Server-Sent Events, one per projected change of the caller's own
province or communes, resumable with Last-Event-ID. GET /v1/feed, for anyone: only a notice, at most once per
interval and carrying no figure, that public figures may have changed (each change with its value and time would
tell withheld cells and when they moved: docs/disclosure-control.md). GET /v1/lag.

Both feeds are served from the process's one feed source (fanout.py), to at most FEED_CLIENTS_MAX clients at a
time; past that, a 503 with Retry-After."""

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import AfterValidator

from hoanhap.auth import Agency, CurrentPrincipal, Jurisdiction
from hoanhap.contracts.values import BIGINT_COLUMN_MAX
from hoanhap_stats.live.admission import BUSY, FeedResponse, admitted
from hoanhap_stats.live.clients import Change, FeedClients, Subscription
from hoanhap_stats.live.fanout import PAGE, FeedSource
from hoanhap_stats.projecting.lag import latest

router = APIRouter(prefix="/v1", tags=["live"])
KEEPALIVE_SECONDS = 15.0
LARGEST_ID = BIGINT_COLUMN_MAX  # feed ids are bigint


def feed_id_or_latest(after: str | None) -> str | None:
    """Refuse an id no feed row can have (above bigint), rather than fail on it in the database."""
    if after not in (None, "latest") and int(after) > LARGEST_ID:
        raise ValueError(f"after is 'latest' or a feed id from 0 to {LARGEST_ID}")
    return after


@router.get("/feed", response_class=StreamingResponse, responses=BUSY)
async def public_feed(request: Request) -> StreamingResponse:
    """A `figures-changed` notice whenever something was projected in the last interval, else a keep-alive; the
    figures themselves are the API's, at its disclosure rules."""
    clients = request.app.state.feed.clients
    return FeedResponse(admitted(clients), notices(clients, request.app.state.public_feed_seconds, clients.head))


@router.get("/jurisdiction/feed", response_class=StreamingResponse, responses=BUSY)
async def jurisdiction_feed(request: Request, principal: CurrentPrincipal,
                            last_event_id: Annotated[int | None, Header(alias="Last-Event-ID", ge=0,
                                                                        le=LARGEST_ID)] = None,
                            after: Annotated[str | None, Query(pattern=r"^(latest|[0-9]+)$",
                                                               description="start after this id, or 'latest' for "
                                                                           "new ones only"),
                                             AfterValidator(feed_id_or_latest)] = None
                            ) -> StreamingResponse:
    """Every change in the caller's jurisdiction after Last-Event-ID (a reconnecting browser sends it), else after
    `after`, else from the start; then each new one as it is projected."""
    source: FeedSource = request.app.state.feed
    subscription = admitted(source.clients)
    try:
        start = last_event_id if last_event_id is not None else await starting_point(source, after)
    except BaseException:
        subscription.close()
        raise
    restricted: dict[str, frozenset[Agency]] = request.app.state.feed_figures_restricted
    hidden = frozenset(figure for figure, agencies in restricted.items() if principal.agency not in agencies)
    return FeedResponse(subscription, changes(source, subscription, principal.jurisdiction, start, hidden))


@router.get("/lag")
async def lag() -> dict[str, Any]:
    """Seconds between the newest projected event's recording and its projection."""
    return {"projection_lag_seconds": latest.get("lag_seconds"), "newest_event_at": latest.get("event_time")}


async def starting_point(source: FeedSource, after: str | None) -> int:
    """The id to stream after: a given one, the newest one for 'latest', or 0."""
    return await source.newest() if after == "latest" else int(after or 0)


async def notices(clients: FeedClients, seconds: float, seen: int) -> AsyncIterator[str]:
    """The public stream: each interval, a notice if the feed moved past `seen` in it, else a keep-alive."""
    while True:
        await asyncio.sleep(seconds)
        yield "event: figures-changed\ndata: {}\n\n" if clients.head != seen else ": keep-alive\n\n"
        seen = clients.head


async def changes(source: FeedSource, subscription: Subscription, jurisdiction: Jurisdiction, after: int,
                  hidden: frozenset[str] = frozenset()) -> AsyncIterator[str]:
    """The jurisdiction's stream, less the figures hidden from the caller: its stored changes; then, following the
    source, those stored meanwhile and each new one as it is read, or a keep-alive; it ends if the client falls too
    far behind (it resumes from its last id)."""
    async for change in stored(source, jurisdiction, after):
        after = change.id
        if change.figure not in hidden:
            yield change.message
    subscription.follow(jurisdiction)
    async for change in stored(source, jurisdiction, after):
        after = change.id
        if change.figure not in hidden:
            yield change.message
    while True:
        new = await subscription.next_change(KEEPALIVE_SECONDS)
        if subscription.dropped:
            return
        if new is None:
            yield ": keep-alive\n\n"
        elif new.id > after:
            after = new.id
            if new.figure not in hidden:
                yield new.message


async def stored(source: FeedSource, jurisdiction: Jurisdiction, after: int) -> AsyncIterator[Change]:
    """The jurisdiction's stored changes after `after`, page by page."""
    while True:
        page = await source.own_changes(jurisdiction, after)
        for change in page:
            yield change
        if len(page) < PAGE:
            return
        after = page[-1].id
