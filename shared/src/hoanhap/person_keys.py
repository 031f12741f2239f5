"""The person_keys table: one wrapped key per person, deleted to erase the person (every service that seals what
it holds about people with their own keys, `hoanhap.sealing`, has this table)."""

import uuid

from hoanhap.eventstore import Alongside
from hoanhap.postgres.connections import Connection
from hoanhap.sealing import unwrap_key, wrap_key


class PersonKeys:
    """Stores, fetches and destroys people's keys, wrapped with the deployment's master key."""

    def __init__(self, master_key: bytes) -> None:
        self.master_key = master_key

    def stored_alongside(self, person_id: uuid.UUID, person_key: bytes) -> Alongside:
        """Keeping a new person's key, alongside the events that open their case."""
        return Alongside("INSERT INTO person_keys (person_id, wrapped_key) SELECT $1, $2 FROM appending",
                         (person_id, wrap_key(person_key, self.master_key, person_id)))

    async def fetch(self, connection: Connection, person_id: uuid.UUID) -> bytes | None:
        """The person's key, or None once erased."""
        wrapped = await connection.fetchval("SELECT wrapped_key FROM person_keys WHERE person_id = $1", person_id)
        return None if wrapped is None else unwrap_key(wrapped, self.master_key, person_id)

    async def fetch_many(self, connection: Connection, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, bytes]:
        """The keys of those people who still have one."""
        rows = await connection.fetch("SELECT person_id, wrapped_key FROM person_keys WHERE person_id = ANY($1)",
                                      person_ids)
        return {row["person_id"]: unwrap_key(row["wrapped_key"], self.master_key, row["person_id"]) for row in rows}

    def destroyed_alongside(self, person_id: uuid.UUID) -> Alongside:
        """Deleting the person's key alongside the erasure's events: their sealed identity can never be read
        again."""
        return Alongside("DELETE FROM person_keys USING appending WHERE person_id = $1", (person_id,))
