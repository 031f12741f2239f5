"""The compacted identity-digest topic copied into the table: a record keeps the person's digest, a tombstone
withdraws it, and a record that is not one is skipped without quoting it."""

import uuid

from aiokafka.structs import ConsumerRecord

from hoanhap.contracts.registry.identity_digests import IDENTITY_DIGEST_TOPIC, IdentityDigestRecord
from hoanhap_credit.adapters.identity_digests import PUT, WITHDRAW, PostgresIdentityDigests

PERSON, OTHER = uuid.uuid4(), uuid.uuid4()
DIGEST = "ab" * 32


class Connection:
    def __init__(self) -> None:
        self.executed: list[tuple[str, tuple[object, ...]]] = []

    async def execute(self, query: str, *args: object) -> str:
        self.executed.append((query, args))
        return "OK"


def record(key: bytes | None, value: bytes | None, offset: int = 0) -> ConsumerRecord:
    return ConsumerRecord(IDENTITY_DIGEST_TOPIC, 0, offset, 0, 0, key, value, None, 0, 0, [])


def published(person_id: uuid.UUID, digest: str = DIGEST) -> bytes:
    return IdentityDigestRecord(person_id=person_id, identity_digest=digest).model_dump_json().encode()


async def applied(*records: ConsumerRecord) -> list[tuple[str, tuple[object, ...]]]:
    connection = Connection()
    await PostgresIdentityDigests().apply(connection, records)  # type: ignore[arg-type]
    return connection.executed


async def test_a_record_keeps_the_persons_digest() -> None:
    assert await applied(record(str(PERSON).encode(), published(PERSON))) == [(PUT, (PERSON, DIGEST))]


async def test_a_tombstone_withdraws_the_persons_digest() -> None:
    assert await applied(record(str(PERSON).encode(), None)) == [(WITHDRAW, (PERSON,))]


async def test_records_are_applied_in_the_order_of_the_topic() -> None:
    key = str(PERSON).encode()

    assert await applied(record(key, published(PERSON), 0), record(key, None, 1)) == [
        (PUT, (PERSON, DIGEST)), (WITHDRAW, (PERSON,))]


async def test_a_record_under_another_persons_key_is_skipped() -> None:
    assert await applied(record(str(OTHER).encode(), published(PERSON))) == []


async def test_a_record_with_no_person_key_or_an_unreadable_value_is_skipped_and_the_next_applied() -> None:
    key = str(PERSON).encode()

    assert await applied(record(None, published(PERSON)), record(b"not-a-person", None),
                         record(key, b'{"person_id": "x"}'), record(key, b"\xff"),
                         record(key, published(PERSON))) == [(PUT, (PERSON, DIGEST))]
