"""The HTTP protocol every service runs refuses a request whose line and headers pass HEADER_BYTES with 431 and
closes the connection, after reading little more than the limit: an 8 MB Authorization header was read in full."""

import asyncio
from collections.abc import Iterator

import pytest
from uvicorn.config import Config
from uvicorn.server import ServerState

from hoanhap.service.http_protocol import BoundedHttpToolsProtocol
from hoanhap.service.request_limits import HEADER_BYTES

PIECE = 64 * 1024


class Transport(asyncio.Transport):
    """What the protocol wrote, and whether it closed the connection."""

    def __init__(self) -> None:
        super().__init__()
        self.written, self.closed = b"", False

    def get_extra_info(self, name, default=None):
        return ("127.0.0.1", 8000) if name in ("sockname", "peername") else default

    def write(self, data) -> None:
        self.written += data

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


async def answered_app(scope, receive, send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    """The loop a request's app runs on; whatever the test started on it is finished before it closes."""
    loop = asyncio.new_event_loop()
    yield loop
    if pending := asyncio.all_tasks(loop):
        loop.run_until_complete(asyncio.wait(pending))
    loop.close()


def connection(loop: asyncio.AbstractEventLoop) -> tuple[BoundedHttpToolsProtocol, Transport]:
    protocol = BoundedHttpToolsProtocol(Config(answered_app, log_config=None), ServerState(), {}, loop)
    transport = Transport()
    protocol.connection_made(transport)
    return protocol, transport


def test_a_huge_header_is_answered_431_and_the_connection_closed_once_the_limit_is_passed(loop):
    protocol, transport = connection(loop)
    protocol.data_received(b"GET /health/live HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ")
    sent = 0
    while not transport.closed and sent < 8 * 1024 * 1024:
        protocol.data_received(b"a" * PIECE)
        sent += PIECE

    assert transport.closed and sent <= HEADER_BYTES + PIECE
    assert transport.written.startswith(b"HTTP/1.1 431 ")
    assert f"larger than {HEADER_BYTES:,} bytes".encode() in transport.written


def test_headers_within_the_limit_reach_the_app(loop):
    protocol, transport = connection(loop)
    protocol.data_received(b"GET /health/live HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                           + b"a" * (HEADER_BYTES // 2) + b"\r\n\r\n")

    assert not transport.closed and transport.written == b""
    assert protocol.cycle is not None and protocol.cycle.scope["path"] == "/health/live"
