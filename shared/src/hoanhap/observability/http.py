"""Per-request correlation ids, one access log line and a latency observation for every HTTP request.

The access line names the method, the route template, the status and the duration; never the query string or
the body, which can hold names or citizen ID numbers.
"""

import time
import uuid

import structlog
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from structlog.contextvars import bound_contextvars

from hoanhap.observability.metrics import HTTP_REQUEST_SECONDS, metrics_endpoint

CORRELATION_HEADER = "x-correlation-id"
access_log = structlog.get_logger("hoanhap.access")


class CorrelationMiddleware:
    """Binds the request's correlation id (a valid incoming one, else a new one) and echoes it back."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        correlation_id = incoming_correlation_id(scope) or str(uuid.uuid4())
        status = 500
        started = time.perf_counter()

        async def send_with_header(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []),
                                      (CORRELATION_HEADER.encode(), correlation_id.encode())]
            await send(message)

        with bound_contextvars(correlation_id=correlation_id):
            try:
                await self.app(scope, receive, send_with_header)
            finally:
                record_request(scope, status, time.perf_counter() - started)


def incoming_correlation_id(scope: Scope) -> str | None:
    """The request's X-Correlation-ID when it is a UUID."""
    for name, value in scope.get("headers", []):
        if name == CORRELATION_HEADER.encode():
            try:
                return str(uuid.UUID(value.decode("latin-1")))
            except ValueError:
                return None
    return None


def record_request(scope: Scope, status: int, seconds: float) -> None:
    """Observe the latency and write the access line, by route template rather than raw path."""
    route = getattr(scope.get("route"), "path", None) or "unmatched"
    HTTP_REQUEST_SECONDS.labels(scope["method"], route, str(status)).observe(seconds)
    if route not in ("/health/live", "/health/ready", "/metrics"):
        access_log.info("request", method=scope["method"], route=route, status=status,
                        duration_ms=round(seconds * 1000, 1))


def install_observability(app: FastAPI) -> None:
    """Add the correlation middleware and serve /metrics."""
    app.add_middleware(CorrelationMiddleware)
    app.add_api_route("/metrics", metrics_endpoint, include_in_schema=False)
