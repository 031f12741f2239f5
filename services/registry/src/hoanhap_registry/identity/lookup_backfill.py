"""Lookup digests restored at start-up for open and closed cases that have none.

Migration 0004 cleared every lookup digest, as they were keyed by a key the other services also held; each is
computed again here from the case's sealed identity under the registry's own lookup key. A case erased
meanwhile is left alone (the update checks its status in the same statement).
"""

import asyncpg

from hoanhap.person_keys import PersonKeys
from hoanhap_registry.identity.citizen_id import digest_of
from hoanhap_registry.identity.sealing import unseal

CHUNK = 1000
MISSING = """
SELECT person_id, sealed_identity FROM people
WHERE national_id_digest IS NULL AND status <> 'erased' AND sealed_identity IS NOT NULL
ORDER BY person_id LIMIT $1
"""
RESTORE = """
UPDATE people SET national_id_digest = $2
WHERE person_id = $1 AND national_id_digest IS NULL AND status <> 'erased'
"""


async def restore_lookup_digests(pool: asyncpg.Pool, keys: PersonKeys, lookup_key: bytes) -> int:
    """Give every case that should have a lookup digest its digest again; how many were restored."""
    restored = 0
    while True:
        async with pool.acquire() as connection:
            rows = await connection.fetch(MISSING, CHUNK)
            person_keys = await keys.fetch_many(connection, [row["person_id"] for row in rows])
            digests = [(row["person_id"], digest_of(unseal(row["sealed_identity"], person_keys[row["person_id"]],
                                                           row["person_id"]).citizen_id, lookup_key))
                       for row in rows if row["person_id"] in person_keys]
            await connection.executemany(RESTORE, digests)
        restored += len(digests)
        if len(rows) < CHUNK or not digests:
            return restored
