"""Who gets a live feed: a place among the process's feed clients, or a 503 with Retry-After; and a stream that gives
its place back however it ends."""

from collections.abc import AsyncIterator
from typing import Any

from fastapi import HTTPException
from fastapi.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from hoanhap_stats.live.clients import FeedClients, Subscription

RETRY_AFTER_SECONDS = 10
STREAMING = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
BUSY: dict[int | str, dict[str, Any]] = {
    503: {"description": "this process already serves FEED_CLIENTS_MAX feed clients: retry after Retry-After s"}}


class FeedResponse(StreamingResponse):
    """An event stream that gives its client's place back however it ends, even before its first message."""

    def __init__(self, subscription: Subscription, messages: AsyncIterator[str]) -> None:
        super().__init__(messages, media_type="text/event-stream", headers=STREAMING)
        self.subscription = subscription

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.subscription.close()


def admitted(clients: FeedClients) -> Subscription:
    """A place for the client, or a 503 saying when to come back."""
    subscription = clients.admit()
    if subscription is None:
        raise HTTPException(503, f"this service already serves {clients.limit} live-feed clients; retry in "
                                 f"{RETRY_AFTER_SECONDS} s", headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
    return subscription
