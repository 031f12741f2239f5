"""Publishing the queued identity digests: the digest of a new case, a tombstone for an erased one.

At least once and in order per person: a queue row is deleted only after the broker acknowledged its message, and
only if no later action replaced it meanwhile (an erasure during a publication leaves its withdrawal queued, so
the tombstone follows the digest under the same key). Each digest is scrypt, computed by the worker
processes of `digest_workers.py` when the registry is quiet. A row that fails is retried after the others.
"""

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime

import asyncpg
import structlog
from aiokafka import AIOKafkaProducer

from hoanhap.contracts.registry.identity_digests import IDENTITY_DIGEST_TOPIC, IdentityDigestRecord
from hoanhap.person_keys import PersonKeys
from hoanhap_registry.identity.activity import Activity
from hoanhap_registry.identity.digest_queue import PUBLISH
from hoanhap_registry.identity.digest_workers import DigestWorkers
from hoanhap_registry.identity.sealing import unseal

log = structlog.get_logger(__name__)

BATCH_SIZE = 16
NEXT = """
SELECT q.person_id, q.action, q.queued_at, p.sealed_identity
FROM identity_digest_queue q LEFT JOIN people p USING (person_id)
ORDER BY q.attempts, q.queued_at LIMIT $1
"""
DONE = "DELETE FROM identity_digest_queue WHERE person_id = $1 AND action = $2 AND queued_at = $3"
FAILED = "UPDATE identity_digest_queue SET attempts = attempts + 1 WHERE person_id = $1"


@dataclass(frozen=True)
class Queued:
    """One row of the queue, with the sealed identity and key a publication needs (None once erased)."""

    person_id: uuid.UUID
    action: str
    queued_at: datetime
    sealed_identity: str | None
    person_key: bytes | None


class IdentityDigestPublisher:
    """Carries out the queue: the registry's only writer to the identity-digest topic."""

    def __init__(self, pool: asyncpg.Pool, keys: PersonKeys, digest_key: bytes, producer: AIOKafkaProducer,
                 activity: Activity, topic: str = IDENTITY_DIGEST_TOPIC) -> None:
        self.pool = pool
        self.keys = keys
        self.digest_key = digest_key
        self.producer = producer
        self.topic = topic
        self.activity = activity

    async def publish_next_batch(self, workers: DigestWorkers) -> int:
        """Publish the first queued rows, digested by the workers, wait for their acks, then take them off the
        queue; the rows handled."""
        queued = await self._next_batch()
        results = await asyncio.gather(*(self._send(row, workers) for row in queued), return_exceptions=True)
        sent = [(row, ack) for row, ack in zip(queued, results, strict=True) if not isinstance(ack, BaseException)]
        acked = await asyncio.gather(*(ack for _, ack in sent), return_exceptions=True)
        done = [row for (row, _), result in zip(sent, acked, strict=True) if not isinstance(result, BaseException)]
        failed = [row for row in queued if row not in done]
        for row, result in zip(queued, results, strict=True):
            if isinstance(result, BaseException):
                log.warning("identity digest not published; retried later", person_id=str(row.person_id),
                            error=type(result).__name__)
        async with self.pool.acquire() as connection:
            await connection.executemany(DONE, [(row.person_id, row.action, row.queued_at) for row in done])
            await connection.executemany(FAILED, [(row.person_id,) for row in failed])
        return len(queued)

    async def _next_batch(self) -> list[Queued]:
        async with self.pool.acquire() as connection:
            rows = await connection.fetch(NEXT, BATCH_SIZE)
            keys = await self.keys.fetch_many(connection, [row["person_id"] for row in rows])
        return [Queued(row["person_id"], row["action"], row["queued_at"], row["sealed_identity"],
                       keys.get(row["person_id"])) for row in rows]

    async def _send(self, row: Queued, workers: DigestWorkers) -> asyncio.Future:
        """The broker's future ack of the row's message: its digest, or a tombstone."""
        value = await self._record(row, workers)
        return await self.producer.send(self.topic, value, key=str(row.person_id).encode())

    async def _record(self, row: Queued, workers: DigestWorkers) -> bytes | None:
        """The record's JSON, or None (a tombstone) for a withdrawal or a person erased since."""
        if row.action != PUBLISH or row.person_key is None or row.sealed_identity is None:
            return None
        identity = unseal(row.sealed_identity, row.person_key, row.person_id)
        digest = await workers.digest(identity.citizen_id, identity.birth_date, self.digest_key)
        return IdentityDigestRecord(person_id=row.person_id, identity_digest=digest).model_dump_json().encode()
