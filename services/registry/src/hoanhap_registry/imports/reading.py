"""Reading an upload in a process of its own, handing its rows over in chunks as they are read.

Reading a spreadsheet is Python work (openpyxl parses the sheet's XML cell by cell, about 0.4 ms a row). In the
service's process it would hold the interpreter for seconds while requests, the relay and the registration of
rows already read waited. In a process of its own it runs on another core, and registration starts with the
first chunk instead of after the last row. A file-level problem found at the header still refuses the upload at
once; one found part way through an XLSX sheet (damaged XML) stops the import after the rows above it.
"""

import asyncio
import multiprocessing
import queue
from collections.abc import AsyncIterator
from multiprocessing.context import SpawnProcess
from typing import Any

from hoanhap_registry.bulk_import import ImportFileError, ImportResult, count_rows, parse_import

CHUNK_ROWS = 100
POLL_SECONDS = 1.0
HEADER, ROWS, END, REFUSED = "header", "rows", "end", "refused"


class UploadReader:
    """An upload being read by a child process: how many rows it has at most, then its rows chunk by chunk."""

    def __init__(self, process: SpawnProcess, messages: Any) -> None:
        self._process = process
        self._messages = messages
        self.total_rows = 0

    async def chunks(self) -> AsyncIterator[list[ImportResult]]:
        """The judged rows, CHUNK_ROWS at a time, in file order; ImportFileError if reading stops part way."""
        while True:
            kind, body = await self.next_message()
            if kind == END:
                return
            if kind == REFUSED:
                raise ImportFileError(body)
            if body:
                yield body

    async def next_message(self) -> tuple[str, Any]:
        """The child's next message, waiting for it; ImportFileError if the child is gone without one."""
        while True:
            try:
                message: tuple[str, Any] = await asyncio.to_thread(self._messages.get, True, POLL_SECONDS)
                return message
            except queue.Empty:
                if not self._process.is_alive():
                    raise ImportFileError("reading the file stopped unexpectedly; upload it again") from None

    def close(self) -> None:
        """Stop the reading process if it is still there (an import that failed part way)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


async def start_reading(content: bytes, filename: str) -> UploadReader:
    """Start reading the upload in a child process; ImportFileError at once when the file cannot be read or its
    header lacks a required column."""
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    process = context.Process(target=read_upload, args=(content, filename, messages), daemon=True)
    process.start()
    reader = UploadReader(process, messages)
    try:
        kind, body = await reader.next_message()
    except BaseException:  # the upload was abandoned while its header was read
        reader.close()
        raise
    if kind == REFUSED:
        reader.close()
        raise ImportFileError(body)
    reader.total_rows = body
    return reader


def read_upload(content: bytes, filename: str, messages: Any) -> None:
    """The child process: the row count once the header is found, then the judged rows in chunks, then the end;
    if reading stops part way, the rows read before that and then the reason."""
    try:
        results = parse_import(content, filename)
        messages.put((HEADER, count_rows(content, filename)))
    except ImportFileError as error:
        messages.put((REFUSED, error.reason))
        return
    chunk: list[ImportResult] = []
    try:
        for result in results:
            chunk.append(result)
            if len(chunk) == CHUNK_ROWS:
                messages.put((ROWS, chunk))
                chunk = []
    except ImportFileError as error:
        messages.put((ROWS, chunk))
        messages.put((REFUSED, error.reason))
        return
    messages.put((ROWS, chunk))
    messages.put((END, None))
