"""Reading stats' live feeds (server-sent events) the way a dashboard does: the jurisdiction's, one message per
change, and the public one, notices only."""

import json
import time

import httpx

from tests.support.services import officer_headers

JURISDICTION_FEED = "/v1/jurisdiction/feed"


def read_feed(stats: httpx.Client, until, last_event_id: int | None = None, headers: dict | None = None,
              params: dict | None = None, path: str = JURISDICTION_FEED) -> list[dict]:
    """SSE messages from the feed (by default the jurisdiction's, as a province-wide police officer of 01) until
    `until(messages)` holds."""
    request_headers = {**(officer_headers() if headers is None else headers)}
    if last_event_id is not None:
        request_headers["Last-Event-ID"] = str(last_event_id)
    messages: list[dict] = []
    with stats.stream("GET", path, headers=request_headers, params=params, timeout=30) as stream:
        assert stream.status_code == 200, stream.read()
        assert stream.headers["content-type"].startswith("text/event-stream")
        for message in sse_messages(stream):
            messages.append(message)
            if until(messages):
                return messages
    raise AssertionError("the feed ended")


def read_public_feed(stats: httpx.Client, seconds: float, headers: dict | None = None,
                     params: dict | None = None) -> list[dict]:
    """Every SSE message (with its event name and raw lines) the public feed sends within `seconds`, keep-alives
    included as messages with only a comment."""
    messages: list[dict] = []
    deadline = time.monotonic() + seconds
    with stats.stream("GET", "/v1/feed", headers=headers or {}, params=params, timeout=seconds + 30) as stream:
        assert stream.status_code == 200, stream.read()
        for message in sse_messages(stream, keep_comments=True):
            messages.append(message)
            if time.monotonic() > deadline:
                return messages
    raise AssertionError("the feed ended")


def sse_messages(stream: httpx.Response, keep_comments: bool = False):
    """The stream's messages: data fields merged, with "id", "event" and (with keep_comments) "lines"."""
    current: dict = {}
    for line in stream.iter_lines():
        if line.startswith("id: "):
            current["id"] = int(line[4:])
        elif line.startswith("event: "):
            current["event"] = line[7:]
        elif line.startswith("data: "):
            current.update(json.loads(line[6:]))
        if keep_comments and line:
            current.setdefault("lines", []).append(line)
        if line == "" and current:
            if keep_comments or set(current) - {"lines"}:
                yield current
            current = {}
