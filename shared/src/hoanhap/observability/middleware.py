"""Pure ASGI middleware: a correlation id, one access line and one latency observation for every HTTP request.

The access line names the method, the route template, the status and the duration; never the raw path, the query
string or the body, which can hold names or citizen ID numbers.
"""

import time

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hoanhap.observability.correlation import bind_request_context, new_correlation_id, valid_correlation_id
from hoanhap.observability.metrics import HTTP_REQUEST_SECONDS, METRICS_PATH

CORRELATION_HEADER = b"x-correlation-id"
UNMATCHED_ROUTE = "unmatched"
QUIET_ROUTES = frozenset({"/health/live", "/health/ready", METRICS_PATH})

access_log = structlog.get_logger("hoanhap.access")


class RequestObservabilityMiddleware:
    """Binds the request's correlation id (a valid incoming one, else a new one) and echoes it in the response."""

    def __init__(self, app: ASGIApp, service: str | None = None) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        correlation_id = incoming_correlation_id(scope) or new_correlation_id()
        status = 500
        started = time.perf_counter()

        async def send_with_correlation_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (CORRELATION_HEADER, correlation_id.encode())]
            await send(message)

        with bind_request_context(correlation_id):
            try:
                await self.app(scope, receive, send_with_correlation_id)
            finally:
                record_request(scope, status, time.perf_counter() - started, self.service)


def incoming_correlation_id(scope: Scope) -> str | None:
    """The request's X-Correlation-ID when it is a UUID."""
    for name, value in scope["headers"]:
        if name == CORRELATION_HEADER:
            return valid_correlation_id(value)
    return None


def route_template(scope: Scope) -> str:
    """The matched route's template such as /v1/people/{person_id}, or "unmatched" (raw paths are unbounded)."""
    return getattr(scope.get("route"), "path", None) or UNMATCHED_ROUTE


def record_request(scope: Scope, status: int, seconds: float, service: str | None = None) -> None:
    """Observe the latency and write the access line (health checks and scrapes are not logged)."""
    route = route_template(scope)
    HTTP_REQUEST_SECONDS.labels(scope["method"], route, str(status)).observe(seconds)
    if route in QUIET_ROUTES:
        return
    log = access_log.error if status >= 500 else access_log.info
    named = {"service": service} if service else {}
    log("request", method=scope["method"], route=route, status=status, duration_ms=round(seconds * 1000, 1), **named)
