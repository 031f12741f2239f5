"""How large a request may be, declared once for every service, and the middleware that holds bodies to it as they
arrive, before authentication and before anything parses them.

Every endpoint takes a JSON body of at most JSON_BODY_BYTES (a release notice is under 2 KB); an endpoint that
takes a file says so with `openapi_extra=body_limit(UPLOAD_BODY_BYTES)`, which its OpenAPI then shows. A
Content-Length above the largest limit is refused before routing; one above the endpoint's limit before its body
is read; a body sent without a length is counted as it arrives and refused once it passes the limit, never read to
its end. The request line and headers are bounded by the HTTP protocol itself (hoanhap.service.http_protocol).
"""

from typing import Any

from fastapi import HTTPException
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

JSON_BODY_BYTES = 1024 * 1024
UPLOAD_BODY_BYTES = 20 * 1024 * 1024
LARGEST_BODY_BYTES = max(JSON_BODY_BYTES, UPLOAD_BODY_BYTES)
HEADER_BYTES = 32 * 1024  # the request line and every header together; a token is at most 8,192 characters
BODY_LIMIT = "x-body-limit-bytes"
CLOSE = {"Connection": "close"}  # the client may still be sending: stop reading it


def body_limit(limit: int) -> dict[str, int]:
    """The `openapi_extra` of an endpoint that takes a larger body than JSON_BODY_BYTES."""
    return {BODY_LIMIT: limit}


class BodyTooLarge(HTTPException):
    """413 naming the limit; the connection is closed after the answer, so the rest of the body is never read."""

    def __init__(self, limit: int, declared: int | None = None, endpoint: str = "this endpoint") -> None:
        size = f"is {declared:,} bytes" if declared is not None else f"is more than {limit:,} bytes"
        super().__init__(413, f"the request body {size}; {endpoint} takes at most {limit:,} bytes", CLOSE)


class BodyLimitMiddleware:
    """Refuses a request whose body is larger than its endpoint's limit (413), counting bytes as they arrive."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = content_length(scope)
        if declared is not None and declared > LARGEST_BODY_BYTES:
            too_large = BodyTooLarge(LARGEST_BODY_BYTES, declared, "no endpoint of this service")
            await JSONResponse({"detail": too_large.detail}, 413, too_large.headers)(scope, receive, send)
            return
        await self.app(scope, counting_receiver(scope, receive, declared), send)


def counting_receiver(scope: Scope, receive: Receive, declared: int | None) -> Receive:
    """`receive`, raising BodyTooLarge before the first read when the declared length is above the endpoint's
    limit, and as soon as the bytes received pass it."""
    received = 0

    async def receive_within_limit() -> Message:
        nonlocal received
        limit = endpoint_limit(scope)
        if declared is not None and declared > limit:
            raise BodyTooLarge(limit, declared)
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge(limit)
        return message

    return receive_within_limit


def endpoint_limit(scope: Scope) -> int:
    """The limit of the endpoint routing chose (bodies are read only after routing), else JSON_BODY_BYTES."""
    extra: dict[str, Any] | None = getattr(scope.get("route"), "openapi_extra", None)
    return int(extra.get(BODY_LIMIT, JSON_BODY_BYTES)) if extra else JSON_BODY_BYTES


def content_length(scope: Scope) -> int | None:
    """The Content-Length the client declared, if it is a number (the HTTP server refuses malformed ones)."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None
