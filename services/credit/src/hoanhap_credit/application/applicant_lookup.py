"""Finding the applicant: the loan officer types the citizen ID (and birth date) from the applicant's papers;
credit computes the identity digest the registry publishes, with the key they share, and finds the registry person
under it (docs/credit.md, "Finding the applicant"). The typed ID is never logged, stored or put in an error."""

import asyncio
import uuid
from datetime import date
from typing import Protocol

import asyncpg

from hoanhap.contracts import identity_digest
from hoanhap.postgres.connections import Connection
from hoanhap_credit.domain.registry_person import RegistryPerson


class PeopleView(Protocol):
    """Credit's view of the registry (adapters/registry_view.py)."""

    async def person(self, connection: Connection, person_id: uuid.UUID) -> RegistryPerson | None:
        """What the registry said of the person."""


class DigestTable(Protocol):
    """The identity digests table (adapters/identity_digests.py)."""

    async def people_with(self, connection: Connection, digest: str) -> list[uuid.UUID]:
        """The people published under the digest, the latest first."""


class ApplicantLookup:
    """The registry person behind an applicant's citizen ID."""

    def __init__(self, pool: asyncpg.Pool, view: PeopleView, digests: DigestTable, digest_key: bytes) -> None:
        self.pool = pool
        self.view = view
        self.digests = digests
        self.digest_key = digest_key

    async def person_for_citizen_id(self, citizen_id: str, birth_date: date,
                                    connection: Connection | None = None) -> RegistryPerson | None:
        """The person the registry released with this citizen ID and birth date, None when credit's view has
        none (never registered, or erased). A malformed ID raises ValueError naming its length, never its digits.

        The digest is scrypt (about 0.13 s of a core), computed in a thread so the service keeps answering. A
        request that holds a connection passes it: waiting for a second one from the pool would wait forever once
        as many such requests as the pool has connections ran at once."""
        digest = await asyncio.to_thread(identity_digest, citizen_id, birth_date, self.digest_key)
        if connection is not None:
            return await self.person_with(connection, digest)
        async with self.pool.acquire() as acquired:
            return await self.person_with(acquired, digest)

    async def person_with(self, connection: Connection, digest: str) -> RegistryPerson | None:
        """The first person published under the digest that credit's view still has."""
        for person_id in await self.digests.people_with(connection, digest):
            if (person := await self.view.person(connection, person_id)) is not None:
                return person
        return None
