"""The PostgreSQL event store passes the same contract suite as the in-memory one, on a real server.

Its tamper tests (the ``tamperer`` fixture of conftest.py) change rows with SQL: an UPDATE of one character
of the jsonb payload, a DELETE, swapped payloads, swapped versions; verify_stream must name exactly the
event that was hit.
"""

import asyncpg
import pytest

from hoanhap.eventstore.testing import NOTES_TABLE, EventStoreContract, NotesAlongside


@pytest.fixture
async def notes_alongside(pool: asyncpg.Pool) -> NotesAlongside:
    """The notes in the table the contract's writes alongside insert into."""
    await pool.execute(NOTES_TABLE)

    async def notes() -> set[tuple[str, str]]:
        rows = await pool.fetch("SELECT stream_id, note FROM contract_notes")
        return {(row["stream_id"], row["note"]) for row in rows}
    return notes


class TestPostgresEventStore(EventStoreContract):
    """Runs every contract test against PostgreSQL."""
