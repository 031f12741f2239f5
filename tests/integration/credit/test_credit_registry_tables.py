"""Credit's view of the registry and its copy of the identity digests on the real PostgreSQL, and the applicant
found through them by citizen ID until the person is erased."""

import uuid
from datetime import date

import asyncpg
from aiokafka.structs import ConsumerRecord

from hoanhap.contracts import ReleaseType, ReoffenceStatus, identity_digest
from hoanhap.contracts.registry.identity_digests import IDENTITY_DIGEST_TOPIC, IdentityDigestRecord
from hoanhap_credit.adapters.identity_digest_consumer import IdentityDigestConsumer
from hoanhap_credit.adapters.identity_digests import PostgresIdentityDigests
from hoanhap_credit.adapters.registry_view import PostgresRegistryView
from hoanhap_credit.application.applicant_lookup import ApplicantLookup
from hoanhap_credit.domain.registry_person import RecordedReoffence, RegistryPerson
from tests.integration.credit.conftest import feed
from tests.unit.credit.credit_registry_facts import closed, erased, moved, released, reoffended

KEY = bytes(range(32))
BORN = date(1990, 5, 17)


def digest_record(person_id: uuid.UUID, citizen_id: str | None, offset: int) -> ConsumerRecord:
    value = None if citizen_id is None else IdentityDigestRecord(
        person_id=person_id, identity_digest=identity_digest(citizen_id, BORN, KEY)).model_dump_json().encode()
    return ConsumerRecord(IDENTITY_DIGEST_TOPIC, 0, offset, 0, 0, str(person_id).encode(), value, None, 0, 0, [])


async def person(pool: asyncpg.Pool, person_id: uuid.UUID) -> RegistryPerson | None:
    async with pool.acquire() as connection:
        return await PostgresRegistryView().person(connection, person_id)


async def rows_of(pool: asyncpg.Pool, person_id: uuid.UUID) -> dict[str, int]:
    tables = ("registry_people", "registry_reoffences", "identity_digests")
    async with pool.acquire() as connection:
        return {table: await connection.fetchval(f"SELECT count(*) FROM {table} WHERE person_id = $1",  # noqa: S608
                                                 person_id) for table in tables}


async def test_the_view_keeps_the_place_release_supervision_reoffences_and_closure(pool: asyncpg.Pool) -> None:
    person_id, reoffence = uuid.uuid4(), uuid.uuid4()

    await feed(pool, released(person_id), moved(person_id), reoffended(person_id, reoffence))
    await feed(pool, reoffended(person_id, reoffence, status=ReoffenceStatus.NEW_CONVICTION), closed(person_id))

    assert await person(pool, person_id) == RegistryPerson(
        person_id, "79", "00070", ReleaseType.CONDITIONAL_EARLY_RELEASE, date(2026, 1, 15), date(2027, 7, 15),
        date(2026, 6, 1), (RecordedReoffence(reoffence, date(2026, 2, 1), ReoffenceStatus.NEW_CONVICTION),))


async def test_erasure_deletes_every_row_of_the_person_and_no_other(pool: asyncpg.Pool) -> None:
    gone, kept = uuid.uuid4(), uuid.uuid4()
    consumer = IdentityDigestConsumer("credit-test-erasure", pool, PostgresIdentityDigests())
    await feed(pool, released(gone), reoffended(gone, uuid.uuid4()), released(kept))
    await consumer.process([digest_record(gone, "001090012345", 0), digest_record(kept, "001090054321", 1)])

    await feed(pool, erased(gone))

    assert await rows_of(pool, gone) == {"registry_people": 0, "registry_reoffences": 0, "identity_digests": 0}
    assert await rows_of(pool, kept) == {"registry_people": 1, "registry_reoffences": 0, "identity_digests": 1}


async def test_the_applicant_is_found_by_citizen_id_until_erased(pool: asyncpg.Pool) -> None:
    person_id, citizen_id = uuid.uuid4(), "079090011111"
    consumer = IdentityDigestConsumer("credit-test-lookup", pool, PostgresIdentityDigests())
    lookup = ApplicantLookup(pool, PostgresRegistryView(), PostgresIdentityDigests(), KEY)
    await feed(pool, released(person_id))
    await consumer.process([digest_record(person_id, citizen_id, 0)])

    found = await lookup.person_for_citizen_id(citizen_id, BORN)
    await feed(pool, erased(person_id))

    assert found is not None and found.person_id == person_id
    assert await lookup.person_for_citizen_id(citizen_id, BORN) is None


async def test_a_tombstone_deletes_the_digest_and_a_redelivered_older_record_does_not_bring_it_back(
        pool: asyncpg.Pool) -> None:
    person_id = uuid.uuid4()
    consumer = IdentityDigestConsumer("credit-test-tombstone", pool, PostgresIdentityDigests())
    await consumer.process([digest_record(person_id, "001090022222", 0)])
    assert (await rows_of(pool, person_id))["identity_digests"] == 1

    await consumer.process([digest_record(person_id, None, 1)])
    await consumer.process([digest_record(person_id, "001090022222", 0)])  # a redelivery after a rebalance

    assert (await rows_of(pool, person_id))["identity_digests"] == 0
    assert await consumer.stored_offsets([(IDENTITY_DIGEST_TOPIC, 0)]) == {(IDENTITY_DIGEST_TOPIC, 0): 2}
