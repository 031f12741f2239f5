"""Finding the applicant by citizen ID: the digest credit computes is the one the registry publishes, and the person
is found only while credit's view of the registry still has them."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date

import pytest

from hoanhap.contracts import ReleaseType, identity_digest
from hoanhap_credit.application.applicant_lookup import ApplicantLookup
from hoanhap_credit.domain.registry_person import RegistryPerson

KEY = bytes(range(32))
CITIZEN_ID, BORN = "001090012345", date(1990, 5, 17)
PERSON, ERASED = uuid.uuid4(), uuid.uuid4()
REGISTERED = RegistryPerson(PERSON, "01", "00004", ReleaseType.COMPLETED_SENTENCE, date(2026, 1, 15))


class Pool:
    @asynccontextmanager
    async def acquire(self) -> AsyncIterator[None]:
        yield None


class Tables:
    """The digest the registry published for each person (as its publisher computes it), and the view."""

    def __init__(self, published: dict[uuid.UUID, str], people: dict[uuid.UUID, RegistryPerson]) -> None:
        self.published = published
        self.people = people

    async def people_with(self, connection: object, digest: str) -> list[uuid.UUID]:
        return [person_id for person_id, value in self.published.items() if value == digest]

    async def person(self, connection: object, person_id: uuid.UUID) -> RegistryPerson | None:
        return self.people.get(person_id)


def lookup(tables: Tables) -> ApplicantLookup:
    return ApplicantLookup(Pool(), tables, tables, KEY)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def registry_digest() -> str:
    return identity_digest(CITIZEN_ID, BORN, KEY)


async def test_the_applicant_is_found_by_the_citizen_id_typed_with_spaces(registry_digest: str) -> None:
    tables = Tables({PERSON: registry_digest}, {PERSON: REGISTERED})

    assert await lookup(tables).person_for_citizen_id("001 090 012 345", BORN) == REGISTERED


async def test_another_birth_date_finds_no_one(registry_digest: str) -> None:
    tables = Tables({PERSON: registry_digest}, {PERSON: REGISTERED})

    assert await lookup(tables).person_for_citizen_id(CITIZEN_ID, date(1990, 5, 18)) is None


async def test_a_digest_whose_person_the_view_has_forgotten_finds_no_one(registry_digest: str) -> None:
    tables = Tables({ERASED: registry_digest}, {})

    assert await lookup(tables).person_for_citizen_id(CITIZEN_ID, BORN) is None


async def test_an_erased_digest_left_beside_a_live_one_does_not_hide_the_live_person(registry_digest: str) -> None:
    tables = Tables({ERASED: registry_digest, PERSON: registry_digest}, {PERSON: REGISTERED})

    assert await lookup(tables).person_for_citizen_id(CITIZEN_ID, BORN) == REGISTERED


async def test_a_malformed_citizen_id_is_refused_without_quoting_its_digits() -> None:
    with pytest.raises(ValueError, match="12 digits") as refused:
        await lookup(Tables({}, {})).person_for_citizen_id("00109001234", BORN)

    assert "00109001234" not in str(refused.value)


class ExhaustedPool:
    """A pool whose every connection is held: acquiring one would wait forever."""

    def acquire(self) -> None:
        raise AssertionError("waited for a second connection while holding one")


async def test_a_request_holding_a_connection_finds_the_applicant_on_it_without_waiting_for_another(
        registry_digest: str) -> None:
    tables = Tables({PERSON: registry_digest}, {PERSON: REGISTERED})
    held = ApplicantLookup(ExhaustedPool(), tables, tables, KEY)  # type: ignore[arg-type]

    assert await held.person_for_citizen_id(CITIZEN_ID, BORN, connection=object()) == REGISTERED  # type: ignore[arg-type]
