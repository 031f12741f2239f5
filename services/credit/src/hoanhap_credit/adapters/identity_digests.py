"""The registry's identity digests as credit keeps them: the identity_digests table, a copy of the compacted topic
`hoanhap.registry.identity-digests` (the latest record per person; a tombstone deletes the person's row)."""

import uuid
from collections.abc import Sequence

import structlog
from aiokafka.structs import ConsumerRecord
from pydantic import ValidationError

from hoanhap.contracts.registry.identity_digests import IdentityDigestRecord
from hoanhap.postgres.connections import Connection

log = structlog.get_logger(__name__)

PUT = """
INSERT INTO identity_digests (person_id, identity_digest) VALUES ($1, $2)
ON CONFLICT (person_id) DO UPDATE SET identity_digest = EXCLUDED.identity_digest, updated_at = now()
"""
WITHDRAW = "DELETE FROM identity_digests WHERE person_id = $1"
PEOPLE = "SELECT person_id FROM identity_digests WHERE identity_digest = $1 ORDER BY updated_at DESC, person_id"


class PostgresIdentityDigests:
    """The identity_digests table."""

    async def put(self, connection: Connection, record: IdentityDigestRecord) -> None:
        """Keep the person's latest digest."""
        await connection.execute(PUT, record.person_id, record.identity_digest)

    async def withdraw(self, connection: Connection, person_id: uuid.UUID) -> None:
        """Forget the person's digest (a tombstone, or the person's erasure on the registry topic)."""
        await connection.execute(WITHDRAW, person_id)

    async def people_with(self, connection: Connection, digest: str) -> list[uuid.UUID]:
        """The people whose published digest is this one, the latest published first."""
        return [row["person_id"] for row in await connection.fetch(PEOPLE, digest)]

    async def apply(self, connection: Connection, records: Sequence[ConsumerRecord]) -> None:
        """Copy a batch of the topic's records, in order; a record that is not one is logged (by its position,
        never its content) and skipped."""
        for record in records:
            try:
                person_id = uuid.UUID(bytes(record.key).decode())
                if record.value is None:
                    await self.withdraw(connection, person_id)
                    continue
                digest = IdentityDigestRecord.model_validate_json(record.value)
            except (TypeError, ValueError, ValidationError) as error:
                log.warning("identity digest record skipped", topic=record.topic, partition=record.partition,
                            offset=record.offset, error=type(error).__name__)
                continue
            if digest.person_id != person_id:
                log.warning("identity digest record under another person's key skipped", topic=record.topic,
                            partition=record.partition, offset=record.offset)
                continue
            await self.put(connection, digest)
