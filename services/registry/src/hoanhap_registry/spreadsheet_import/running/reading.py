"""Reading an upload in a process of its own, handing its rows over in chunks as they are read.

Reading a spreadsheet is Python work (openpyxl parses the sheet's XML cell by cell, about 0.4 ms a row). In the
service's process it would hold the interpreter for seconds while requests, the relay and the registration of
rows already read waited. In a process of its own it runs on another core, and registration starts with the
first chunk instead of after the last row. A file-level problem found at the header still refuses the upload at
once; one found part way through an XLSX sheet (damaged XML) stops the import after the rows above it.

The reading process may use at most READER_MEMORY_BYTES of address space: a workbook that needs more fails its
import with the reason, and the service is untouched. It hands chunks over through a pipe, without a thread of
its own, and waits while one is not taken yet: it reads ahead of registration by about a chunk.
"""

import asyncio
import multiprocessing
import resource
from collections.abc import AsyncIterator
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from typing import Any

from hoanhap_registry.spreadsheet_import.parsing import ImportFileError, ImportResult, count_rows, parse_import

CHUNK_ROWS = 100
POLL_SECONDS = 1.0
READER_MEMORY_BYTES = 512 * 1024 * 1024  # the process needs about 160 MB of address space before it reads a byte
STOPPED = "reading the file stopped unexpectedly; upload it again"
HEADER, ROWS, END, REFUSED = "header", "rows", "end", "refused"


class UploadReader:
    """An upload being read by a child process: how many rows it has at most, then its rows chunk by chunk."""

    def __init__(self, process: SpawnProcess, messages: Connection) -> None:
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
            alive = self._process.is_alive()  # asked first: a child may send its last message and end while we wait
            message = await asyncio.to_thread(self.receive)
            if message is not None:
                return message
            if not alive:
                raise ImportFileError(STOPPED)

    def receive(self) -> tuple[str, Any] | None:
        """The next message once it has come whole, or None when none came within POLL_SECONDS."""
        try:
            message: tuple[str, Any] | None = self._messages.recv() if self._messages.poll(POLL_SECONDS) else None
        except EOFError:  # the child is gone
            raise ImportFileError(STOPPED) from None
        return message

    def close(self) -> None:
        """Stop the reading process if it is still there (an import that failed part way)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._messages.close()


async def start_reading(content: bytes, filename: str, memory_bytes: int = READER_MEMORY_BYTES) -> UploadReader:
    """Start reading the upload in a child process of at most memory_bytes of address space; ImportFileError at
    once when the file cannot be read or its header lacks a required column."""
    context = multiprocessing.get_context("spawn")
    messages, child_end = context.Pipe(duplex=False)
    process = context.Process(target=read_upload, args=(content, filename, child_end, memory_bytes),
                              daemon=True)
    process.start()
    child_end.close()  # the child's copy is its own: the parent sees the end of the pipe when the child is gone
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


def read_upload(content: bytes, filename: str, messages: Connection, memory_bytes: int) -> None:
    """The child process, within its memory: the row count once the header is found, then the judged rows in
    chunks, then the end; if reading stops part way, the rows read before that and then the reason."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        results = parse_import(content, filename)
        messages.send((HEADER, count_rows(content, filename)))
    except (ImportFileError, MemoryError) as error:
        messages.send((REFUSED, reason_of(error, memory_bytes)))
        return
    chunk: list[ImportResult] = []
    try:
        for result in results:
            chunk.append(result)
            if len(chunk) == CHUNK_ROWS:
                messages.send((ROWS, chunk))
                chunk = []
    except (ImportFileError, MemoryError) as error:
        messages.send((ROWS, chunk))
        messages.send((REFUSED, reason_of(error, memory_bytes)))
        return
    messages.send((ROWS, chunk))
    messages.send((END, None))


def reason_of(error: ImportFileError | MemoryError, memory_bytes: int) -> str:
    """Why reading stopped, in words."""
    if isinstance(error, ImportFileError):
        return error.reason
    return (f"reading the file needs more than the {memory_bytes // 2**20} MB an import may use; save the list alone "
            "in a new file, or split it, and import that")
