"""Requests written on a plain socket, for inputs an HTTP client will not send as they are (an 8 MB header) or
stops at the first refusal without saying how much the server took."""

import select
import socket
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

MB = 1024 * 1024


def raw_request(url: str, head: bytes, body: Iterable[bytes]) -> tuple[bytes, int]:
    """Send a request over a plain socket, stopping once the server answers or stops reading: what it answered
    (empty if it reset the connection) and how many bytes of `body` it took."""
    parts = urlsplit(url)
    sent = 0
    with socket.socket() as connection:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
        connection.settimeout(30)
        connection.connect((parts.hostname, parts.port))
        try:
            connection.sendall(head)
            for piece in body:
                if select.select([connection], [], [], 0)[0]:
                    break
                connection.sendall(piece)
                sent += len(piece)
        except OSError:  # the server closed the connection: it read no more
            pass
        answer = b""
        try:
            while data := connection.recv(65536):
                answer += data
        except OSError:
            pass
    return answer, sent


def status_of(answer: bytes) -> int | None:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None


def pieces(total: int, piece: bytes = b"x" * MB) -> Iterator[bytes]:
    for start in range(0, total, len(piece)):
        yield piece[:min(len(piece), total - start)]


def chunked(total: int) -> Iterator[bytes]:
    for piece in pieces(total):
        yield b"%x\r\n" % len(piece) + piece + b"\r\n"
    yield b"0\r\n\r\n"


def head(method: str, path: str, headers: dict[str, str]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: localhost", *(f"{name}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()
