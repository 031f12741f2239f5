"""Reading stats' live feed (server-sent events) the way a dashboard does."""

import json

import httpx

from tests.support.services import officer_headers


def read_feed(stats: httpx.Client, until, last_event_id: int | None = None, headers: dict | None = None,
              params: dict | None = None) -> list[dict]:
    """SSE messages from the feed until `until(messages)` holds."""
    request_headers = {**(officer_headers() if headers is None else headers)}
    if last_event_id is not None:
        request_headers["Last-Event-ID"] = str(last_event_id)
    messages: list[dict] = []
    with stats.stream("GET", "/v1/feed", headers=request_headers, params=params, timeout=30) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        current: dict = {}
        for line in stream.iter_lines():
            if line.startswith("id: "):
                current["id"] = int(line[4:])
            elif line.startswith("data: "):
                current.update(json.loads(line[6:]))
            elif line == "" and current:
                messages.append(current)
                current = {}
                if until(messages):
                    return messages
    raise AssertionError("the feed ended")
