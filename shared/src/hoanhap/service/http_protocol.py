"""uvicorn's fast HTTP/1.1 protocol (httptools) with a bound on the request line and headers.

httptools buffers a header until it ends, however long it is: an 8 MB Authorization header was read in full
before anything could refuse it. This protocol counts the bytes of a request until its headers are complete and,
past HEADER_BYTES, answers 431 and closes the connection. (uvicorn's h11 protocol has such a bound, but serves
fewer requests a second.)
"""

import json
from typing import Any

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from hoanhap.service.request_limits import HEADER_BYTES

HEADERS_TOO_LARGE = 431
REFUSAL = json.dumps({"detail": f"the request line and headers are larger than {HEADER_BYTES:,} bytes, the most "
                                "this service reads"}).encode()


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """Refuses a request whose line and headers pass HEADER_BYTES with 431, before they are read to their end."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.head_bytes = 0
        self.reading_head = False

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.head_bytes, self.reading_head = 0, True

    def on_headers_complete(self) -> None:
        self.reading_head = False
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.reading_head and not self.transport.is_closing():
            self.head_bytes += len(data)
            if self.head_bytes > HEADER_BYTES:
                self.refuse_headers()

    def refuse_headers(self) -> None:
        """Answer 431 with the limit in words and close the connection."""
        self.logger.info("request refused: its line and headers are larger than %s bytes", HEADER_BYTES)
        self.transport.write(b"".join([
            STATUS_LINE[HEADERS_TOO_LARGE], *(name + b": " + value + b"\r\n"
                                              for name, value in self.server_state.default_headers),
            b"content-type: application/json\r\n", b"content-length: %d\r\n" % len(REFUSAL),
            b"connection: close\r\n\r\n", REFUSAL]))
        self.transport.close()
