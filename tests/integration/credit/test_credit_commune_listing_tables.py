"""The commune lists (Form 01) in credit's view of the registry on the real PostgreSQL: a person's listing counts
on their commune's latest certified list, not after a newer list without them, not in another commune, and it is
deleted with the person on erasure."""

import uuid
from datetime import date

import asyncpg

from hoanhap.contracts import ReleaseType
from hoanhap_credit.adapters.registry_view import PostgresRegistryView
from hoanhap_credit.domain.applications import CommuneListing
from hoanhap_credit.domain.registry_person import CertifiedListing, RegistryPerson
from tests.integration.credit.conftest import feed
from tests.unit.credit.credit_registry_facts import erased, listed, moved, released

MARCH = CommuneListing(certified_by="UBND xã", certified_on=date(2026, 3, 5))


async def person(pool: asyncpg.Pool, person_id: uuid.UUID) -> RegistryPerson | None:
    async with pool.acquire() as connection:
        return await PostgresRegistryView().person(connection, person_id)


async def listing(pool: asyncpg.Pool, person_id: uuid.UUID) -> CommuneListing | None:
    found = await person(pool, person_id)
    assert found is not None
    return found.listing


async def test_a_listed_person_is_read_back_with_the_listing_that_counts(pool: asyncpg.Pool) -> None:
    person_id, list_id = uuid.uuid4(), uuid.uuid4()

    await feed(pool, released(person_id, ReleaseType.COMPLETED_SENTENCE, None, commune_code="00010"),
               listed(person_id, list_id, commune_code="00010"))

    found = await person(pool, person_id)
    assert found is not None and found.listing == MARCH
    assert found.certified_listing == CertifiedListing(list_id, "00010", date(2026, 3, 5))


async def test_a_newer_certified_list_of_the_commune_without_the_person_ends_their_listing(
        pool: asyncpg.Pool) -> None:
    dropped, kept, march, june = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await feed(pool, released(dropped, commune_code="00011"), released(kept, commune_code="00011"),
               listed(dropped, march, commune_code="00011"), listed(kept, march, commune_code="00011"))
    assert await listing(pool, dropped) == MARCH

    await feed(pool, listed(kept, june, date(2026, 6, 1), commune_code="00011"))

    assert await listing(pool, dropped) is None
    assert await listing(pool, kept) == CommuneListing("UBND xã", date(2026, 6, 1))


async def test_a_move_keeps_the_entry_but_it_no_longer_counts(pool: asyncpg.Pool) -> None:
    person_id, list_id = uuid.uuid4(), uuid.uuid4()

    await feed(pool, released(person_id), listed(person_id, list_id), moved(person_id, "00070"))

    found = await person(pool, person_id)
    assert found is not None and found.certified_listing is not None and found.listing is None


async def test_erasure_deletes_the_persons_listing(pool: asyncpg.Pool) -> None:
    person_id = uuid.uuid4()
    await feed(pool, released(person_id), listed(person_id, uuid.uuid4()))

    await feed(pool, erased(person_id))

    async with pool.acquire() as connection:
        assert await connection.fetchval("SELECT count(*) FROM registry_listings WHERE person_id = $1",
                                         person_id) == 0
