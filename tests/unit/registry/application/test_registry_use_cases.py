"""The registry's use cases on the in-memory event store: what a registration and a change append, and what
they refuse (PersonNotFound, StaleVersion, outside the jurisdiction), before any HTTP or SQL."""

import uuid
from datetime import date

import pytest

from hoanhap.sealing import unwrap_key
from hoanhap.write_path.errors import Forbidden, NotFound, StaleVersion
from hoanhap_registry.api.requests import ReleaseRequest
from hoanhap_registry.application.errors import PersonNotFound
from hoanhap_registry.application.registration import registration_of
from hoanhap_registry.domain import commands as cmd
from hoanhap_registry.domain.errors import CaseConflict, RuleViolation
from hoanhap_registry.identity.sealing import unseal
from tests.support.services import release_body
from tests.unit.registry.application.in_memory import (
    MASTER_KEY,
    NO_CONNECTION,
    InMemoryCaseStreams,
    in_memory_registry,
    officer,
)

CONFIRMED = cmd.ConfirmResidence(date(2026, 1, 12))
OTHER_COMMUNE = "00008"  # of province 01, like the releases' 00004


def registration(**changes: object):  # type: ignore[no-untyped-def]
    body = ReleaseRequest.model_validate(release_body(**changes))
    return registration_of(body, body.notified_on)


async def registered(streams: InMemoryCaseStreams) -> uuid.UUID:
    person_id = uuid.uuid4()
    assert await in_memory_registry(streams).register(NO_CONNECTION, person_id, registration(), officer()) == 1
    return person_id


async def test_a_registration_appends_the_sealed_release_with_its_key_state_and_digest_queued():
    streams = InMemoryCaseStreams()
    person_id = await registered(streams)
    [event] = await streams.store.read_stream(str(person_id))
    assert event.type == "ReleaseRegistered" and event.metadata.actor == "officer-7"
    assert "Nguyễn Văn Bình" not in str(event.payload)
    statements = [write.sql for write in streams.store.written_alongside]
    assert any("INSERT INTO people" in sql for sql in statements)
    assert any("INSERT INTO person_keys" in sql for sql in statements)
    assert any("identity_digest_queue" in sql for sql in statements)
    [key_write] = [write for write in streams.store.written_alongside if "person_keys" in write.sql]
    kept_for, wrapped = key_write.arguments
    assert kept_for == person_id and isinstance(wrapped, bytes)
    person_key = unwrap_key(wrapped, MASTER_KEY, person_id)
    assert unseal(event.payload["sealed_identity"], person_key, person_id).full_name == "Nguyễn Văn Bình"


async def test_the_state_written_alongside_carries_the_lookup_digest_of_the_citizen_id():
    streams = InMemoryCaseStreams()
    registry = in_memory_registry(streams)
    body = release_body()
    await registry.register(NO_CONNECTION, uuid.uuid4(), registration(citizen_id=body["citizen_id"]), officer())
    [state] = [write for write in streams.store.written_alongside if "INSERT INTO people" in write.sql]
    assert registry.digest(body["citizen_id"]) in state.arguments


async def test_registering_in_another_commune_of_the_province_is_forbidden_and_writes_nothing():
    streams = InMemoryCaseStreams()
    with pytest.raises(Forbidden, match="outside your jurisdiction"):
        await in_memory_registry(streams).register(NO_CONNECTION, uuid.uuid4(), registration(),
                                                   officer("01", OTHER_COMMUNE))
    assert await streams.store.last_position() == 0 and streams.store.written_alongside == []


async def test_many_registrations_are_all_or_none():
    streams = InMemoryCaseStreams()
    mine, elsewhere = registration(), registration(province_code="79", commune_code="26506")
    with pytest.raises(NotFound):
        await in_memory_registry(streams).register_many(
            NO_CONNECTION, [(uuid.uuid4(), mine), (uuid.uuid4(), elsewhere)], officer())
    assert await streams.store.last_position() == 0


async def test_a_change_appends_the_event_and_answers_the_new_version():
    streams = InMemoryCaseStreams()
    person_id = await registered(streams)
    case, version = await in_memory_registry(streams).change(NO_CONNECTION, person_id, CONFIRMED, officer())
    assert version == 2 and case.confirmed_on == date(2026, 1, 12)
    assert [event.type for event in await streams.store.read_stream(str(person_id))] == [
        "ReleaseRegistered", "ResidenceConfirmed"]


async def test_a_change_to_no_case_is_person_not_found():
    with pytest.raises(PersonNotFound, match="no such person"):
        await in_memory_registry().change(NO_CONNECTION, uuid.uuid4(), CONFIRMED, officer())


async def test_a_change_naming_an_older_version_is_stale_with_the_current_one():
    streams = InMemoryCaseStreams()
    person_id = await registered(streams)
    registry = in_memory_registry(streams)
    await registry.change(NO_CONNECTION, person_id, CONFIRMED, officer(), expected_version=1)
    with pytest.raises(StaleVersion) as stale:
        await registry.change(NO_CONNECTION, person_id, cmd.RecordIntake(date(2026, 1, 13), date(2026, 1, 13)),
                              officer(), expected_version=1)
    assert stale.value.current_version == 2


async def test_a_change_racing_another_is_stale_not_lost():
    streams = RacedStreams()
    person_id = await registered(streams)
    with pytest.raises(StaleVersion) as stale:
        await in_memory_registry(streams).change(NO_CONNECTION, person_id, CONFIRMED, officer())
    assert stale.value.current_version == 2


class RacedStreams(InMemoryCaseStreams):
    """Another request confirms the residence between this one's read and its append."""

    raced = False

    async def read_stream(self, connection, person_id):  # type: ignore[no-untyped-def]
        stored = await super().read_stream(connection, person_id)
        if len(stored) == 1 and not self.raced:
            self.raced = True
            await in_memory_registry(self).change(connection, person_id, CONFIRMED, officer())
        return stored


async def test_another_province_does_not_see_the_case_and_another_commune_may_not_change_it():
    streams = InMemoryCaseStreams()
    person_id = await registered(streams)
    registry = in_memory_registry(streams)
    with pytest.raises(NotFound, match="no such person"):
        await registry.change(NO_CONNECTION, person_id, CONFIRMED, officer("79"))
    with pytest.raises(Forbidden, match="this case is outside your jurisdiction"):
        await registry.change(NO_CONNECTION, person_id, CONFIRMED, officer("01", OTHER_COMMUNE))


async def test_the_case_rules_refuse_as_domain_errors():
    streams = InMemoryCaseStreams()
    person_id = await registered(streams)
    registry = in_memory_registry(streams)
    with pytest.raises(RuleViolation):
        await registry.change(NO_CONNECTION, person_id, cmd.ConfirmResidence(date(2026, 1, 8)), officer())
    await registry.change(NO_CONNECTION, person_id, CONFIRMED, officer())
    with pytest.raises(CaseConflict, match="already confirmed"):
        await registry.change(NO_CONNECTION, person_id, CONFIRMED, officer())


async def test_erasure_destroys_the_key_drops_the_identity_and_withdraws_the_digest_alongside():
    streams = InMemoryCaseStreams()
    person_id = await registered(streams)
    streams.store.written_alongside.clear()
    await in_memory_registry(streams).change(NO_CONNECTION, person_id, cmd.EraseIdentity(date(2026, 2, 1)),
                                             officer())
    writes = {write.sql.split()[0] + " " + write.sql.split()[2]: write for write in streams.store.written_alongside}
    assert "DELETE person_keys" in writes
    [state] = [write for write in streams.store.written_alongside if "INSERT INTO people" in write.sql]
    assert state.arguments[2] is None and state.arguments[3] is None and state.arguments[-1] == "erased"
    [queued] = [write for write in streams.store.written_alongside if "identity_digest_queue" in write.sql]
    assert queued.arguments == (person_id, "withdraw")


async def test_a_registration_is_found_by_citizen_id_and_release_date():
    streams = InMemoryCaseStreams()
    registry = in_memory_registry(streams)
    person_id, citizen_id = uuid.uuid4(), release_body()["citizen_id"]
    streams.known[(registry.digest(citizen_id), date(2026, 1, 15))] = person_id
    assert await registry.find_registration(NO_CONNECTION, citizen_id, date(2026, 1, 15)) == person_id
    assert await registry.find_registration(NO_CONNECTION, citizen_id, date(2026, 1, 16)) is None
