"""Tampering with a PostgreSQL event store's tables directly, as an intruder with superuser rights could."""

import json

import asyncpg

from hoanhap.eventstore import PostgresEventStore
from hoanhap.eventstore.hash_chain import feed_hash
from hoanhap.eventstore.testing import Tamperer
from hoanhap.eventstore.testing.tampering import rewritten

# Ordinary triggers do not fire for a session in the replica role: how an intruder with superuser rights
# gets past the immutability trigger. Only the hash chain can tell.
PAST_THE_TRIGGERS = "SET LOCAL session_replication_role = replica"


class SqlTamperer(Tamperer):
    """Edits the events table directly."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def change_payload(self, stream_id: str, version: int) -> None:
        await self._run("UPDATE events SET payload = jsonb_set(payload, '{note}', "
                        "to_jsonb(overlay(payload->>'note' PLACING 'X' FROM 1 FOR 1))) "
                        "WHERE stream_id = $1 AND stream_version = $2", stream_id, version)

    async def delete_event(self, stream_id: str, version: int) -> None:
        await self._run("DELETE FROM events WHERE stream_id = $1 AND stream_version = $2", stream_id, version)

    async def swap_payloads(self, stream_id: str, version: int, other_version: int) -> None:
        await self._run("UPDATE events SET payload = swapped.payload FROM events AS swapped "
                        "WHERE events.stream_id = $1 AND swapped.stream_id = $1 "
                        "AND (events.stream_version, swapped.stream_version) IN (($2, $3), ($3, $2))",
                        stream_id, version, other_version)

    async def swap_versions(self, stream_id: str, version: int, other_version: int) -> None:
        move = "UPDATE events SET stream_version = $3 WHERE stream_id = $1 AND stream_version = $2"
        aside = 2**31 - 1  # the unique index is checked row by row: park one event out of the way first
        await self._run(move, stream_id, version, aside)
        await self._run(move, stream_id, other_version, version)
        await self._run(move, stream_id, aside, other_version)

    async def delete_stream(self, stream_id: str) -> None:
        await self._run("DELETE FROM events WHERE stream_id = $1", stream_id)

    async def rewrite_stream(self, stream_id: str, version: int) -> None:
        events = rewritten(await PostgresEventStore(self.pool).read_stream(stream_id), version)
        for event in events:
            await self._run("UPDATE events SET payload = $3::text::jsonb, hash = $4 "
                            "WHERE stream_id = $1 AND stream_version = $2", stream_id, event.stream_version,
                            json.dumps(event.payload), bytes.fromhex(event.hash))

    async def delete_after(self, position: int) -> None:
        """Remove the store's newest events, those after position: the chain left is intact in itself."""
        await self._run("DELETE FROM events WHERE position > $1", position)

    async def rechain_from(self, position: int) -> None:
        """Recompute the global hashes from position on, as an intruder hiding a rewrite from the global chain."""
        async with self.pool.acquire() as connection, connection.transaction():
            await connection.execute(PAST_THE_TRIGGERS)
            previous = await connection.fetchval("SELECT coalesce((SELECT global_hash FROM events WHERE position < $1 "
                                                 "ORDER BY position DESC LIMIT 1), '\\x'::bytea)", position)
            for row in await connection.fetch("SELECT position, hash FROM events WHERE position >= $1 "
                                              "ORDER BY position", position):
                previous = feed_hash(previous, row["hash"])
                await connection.execute("UPDATE events SET global_hash = $2 WHERE position = $1", row["position"],
                                         previous)

    async def delete_checkpoints(self) -> None:
        """Remove every checkpoint kept in the database."""
        await self._run("DELETE FROM event_checkpoints")

    async def change_checkpoint_hash(self, position: int) -> None:
        """Flip one bit of the global hash a kept checkpoint states."""
        flipped = "set_bit(global_hash, 0, 1 - get_bit(global_hash, 0))"
        await self._run(f"UPDATE event_checkpoints SET global_hash = {flipped} WHERE position = $1", position)

    async def _run(self, statement: str, *arguments: object) -> None:
        async with self.pool.acquire() as connection, connection.transaction():
            await connection.execute(PAST_THE_TRIGGERS)
            status = await connection.execute(statement, *arguments)
            assert status.split()[-1] != "0", f"tampering changed nothing: {statement}"
