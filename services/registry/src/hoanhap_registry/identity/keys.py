"""The person_keys table: one wrapped key per person, deleted to erase the person."""

import uuid

from hoanhap.eventstore.connections import Connection
from hoanhap_registry.identity.sealing import unwrap_key, wrap_key


class PersonKeys:
    """Stores, fetches and destroys people's keys, wrapped with the deployment's master key."""

    def __init__(self, master_key: bytes) -> None:
        self.master_key = master_key

    async def store_many(self, connection: Connection, keys: list[tuple[uuid.UUID, bytes]]) -> None:
        """Keep new people's keys, in one statement."""
        await connection.execute(
            "INSERT INTO person_keys (person_id, wrapped_key) SELECT * FROM unnest($1::uuid[], $2::bytea[])",
            [person_id for person_id, _ in keys],
            [wrap_key(person_key, self.master_key, person_id) for person_id, person_key in keys])

    async def fetch(self, connection: Connection, person_id: uuid.UUID) -> bytes | None:
        """The person's key, or None once erased."""
        wrapped = await connection.fetchval("SELECT wrapped_key FROM person_keys WHERE person_id = $1", person_id)
        return None if wrapped is None else unwrap_key(wrapped, self.master_key, person_id)

    async def fetch_many(self, connection: Connection, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, bytes]:
        """The keys of those people who still have one."""
        rows = await connection.fetch("SELECT person_id, wrapped_key FROM person_keys WHERE person_id = ANY($1)",
                                      person_ids)
        return {row["person_id"]: unwrap_key(row["wrapped_key"], self.master_key, row["person_id"]) for row in rows}

    async def destroy(self, connection: Connection, person_id: uuid.UUID) -> None:
        """Delete the person's key: their sealed identity can never be read again."""
        await connection.execute("DELETE FROM person_keys WHERE person_id = $1", person_id)
