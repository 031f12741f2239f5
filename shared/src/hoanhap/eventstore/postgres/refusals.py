"""Turning a unique-index violation from an append into the store's own error."""

import re
from collections.abc import Sequence
from uuid import UUID

import asyncpg

from hoanhap.eventstore.errors import ConcurrencyConflict, DuplicateEvent
from hoanhap.eventstore.events import StreamAppend
from hoanhap.eventstore.postgres import queries
from hoanhap.eventstore.postgres.append_statement import EVENT_ID_KEY, STREAM_VERSION_KEY

VERSION_LOOKUP_TIMEOUT = 1.0
_KEY_DETAIL = re.compile(r"\(event_id\)=\((?P<event_id>[0-9a-f-]{36})\)")
_STREAM_DETAIL = re.compile(r"\(stream_id, stream_version\)=\((?P<stream_id>.*), \d+\) already exists")


async def refusal_of(violation: asyncpg.UniqueViolationError, pool: asyncpg.Pool, stream_id: str,
                     expected_version: int) -> Exception:
    """ConcurrencyConflict for a raced stream version, DuplicateEvent for a reused event id, else violation."""
    if violation.constraint_name == STREAM_VERSION_KEY:
        return ConcurrencyConflict(stream_id, expected_version, await _version_now(pool, stream_id, expected_version))
    if violation.constraint_name == EVENT_ID_KEY:
        found = _KEY_DETAIL.search(violation.detail or "")
        return DuplicateEvent(UUID(found["event_id"]) if found else None)
    return violation


def stream_named_in(violation: asyncpg.UniqueViolationError, appends: Sequence[StreamAppend]) -> tuple[str, int]:
    """The stream (and its expected version) of several appends that a stream-version violation names; the first
    append's when the violation names none of them."""
    found = _STREAM_DETAIL.search(violation.detail or "")
    named = next((append for append in appends if found and append.stream_id == found["stream_id"]), appends[0])
    return named.stream_id, named.expected_version


async def _version_now(pool: asyncpg.Pool, stream_id: str, expected_version: int) -> int:
    """Asked on the pool, as the caller's transaction is aborted; briefly, as the caller may hold a connection."""
    try:
        async with pool.acquire(timeout=VERSION_LOOKUP_TIMEOUT) as connection:
            return int(await connection.fetchval(queries.STREAM_VERSION, stream_id))
    except TimeoutError:
        return expected_version + 1  # the version the race was lost on is committed, so at least this
