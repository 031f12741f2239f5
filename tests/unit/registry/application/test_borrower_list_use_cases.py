"""Drawing and certifying a commune's borrower list (Form 01) on the in-memory event store: what each appends to
the list's stream and writes alongside, and what they refuse, before any HTTP or SQL."""

import uuid
from datetime import date

import pytest

from hoanhap.eventstore import StoredEvent
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import NotFound
from hoanhap_registry.adapters.borrower_lists import PostgresBorrowerLists
from hoanhap_registry.application.borrower_lists import BorrowerLists
from hoanhap_registry.domain.borrower_list_events import list_stream
from hoanhap_registry.domain.errors import CaseConflict
from tests.unit.registry.application.in_memory import NO_CONNECTION, InMemoryCaseStreams, in_memory_registry, officer
from tests.unit.registry.application.test_registry_use_cases import registration

TODAY = date(2026, 12, 5)


class InMemoryBorrowerLists(PostgresBorrowerLists):
    """The lists' streams in the in-memory store; the commune's residents and the erased as the test says."""

    def __init__(self, streams: InMemoryCaseStreams) -> None:
        super().__init__(streams.store)  # type: ignore[arg-type]  # only bound_to(...).read_stream is used
        self.living: list[uuid.UUID] = []
        self.erased: set[uuid.UUID] = set()

    async def read_list(self, connection: Connection, list_id: uuid.UUID) -> list[StoredEvent]:
        return await self.store.read_stream(list_stream(list_id))

    async def residents(self, connection: Connection, province_code: str, commune_code: str) -> list[uuid.UUID]:
        return self.living

    async def still_known(self, connection: Connection, person_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        return set(person_ids) - self.erased


async def commune_with(streams: InMemoryCaseStreams, store: InMemoryBorrowerLists,
                       **releases: dict[str, object]) -> dict[str, uuid.UUID]:
    """People registered in commune 00004 (as its residents), by name."""
    people = {}
    for name, changes in releases.items():
        people[name] = uuid.uuid4()
        await in_memory_registry(streams).register(NO_CONNECTION, people[name], registration(**changes), officer())
        store.living.append(people[name])
    return people


async def test_drawing_appends_the_eligible_people_and_the_excluded_and_writes_the_rows_alongside():
    streams = InMemoryCaseStreams()
    store = InMemoryBorrowerLists(streams)
    people = await commune_with(streams, store, kept={}, excluded={}, suspended={
        "release_type": "suspended_sentence", "supervision_end": "2027-01-15"})
    lists = BorrowerLists(in_memory_registry(streams), store)

    list_id = await lists.draw(NO_CONNECTION, "00004", frozenset({people["excluded"]}), officer(), TODAY)

    [drawn] = await store.read_list(NO_CONNECTION, list_id)
    assert drawn.type == "BorrowerListDrawn" and drawn.metadata.actor == "officer-7"
    assert drawn.payload["person_ids"] == [str(people["kept"])]
    assert drawn.payload["excluded_person_ids"] == [str(people["excluded"])]
    assert sum("borrower_list_rows" in write.sql for write in streams.store.written_alongside) == 1


async def test_certifying_lists_each_person_still_known_once_and_a_second_certification_is_a_conflict():
    streams = InMemoryCaseStreams()
    store = InMemoryBorrowerLists(streams)
    people = await commune_with(streams, store, kept={}, erased={})
    lists = BorrowerLists(in_memory_registry(streams), store)
    list_id = await lists.draw(NO_CONNECTION, "00004", frozenset(), officer(), TODAY)
    store.erased.add(people["erased"])

    listed = await lists.certify(NO_CONNECTION, "00004", list_id, TODAY, "Chủ tịch UBND xã", officer(), TODAY)

    assert listed == 1
    events = await store.read_list(NO_CONNECTION, list_id)
    assert [event.type for event in events] == ["BorrowerListDrawn", "BorrowerListCertified", "PersonListed"]
    assert events[2].payload["person_id"] == str(people["kept"])
    with pytest.raises(CaseConflict):
        await lists.certify(NO_CONNECTION, "00004", list_id, TODAY, "Chủ tịch UBND xã", officer(), TODAY)


async def test_a_list_is_not_found_from_another_commune_or_another_province():
    streams = InMemoryCaseStreams()
    store = InMemoryBorrowerLists(streams)
    lists = BorrowerLists(in_memory_registry(streams), store)
    list_id = await lists.draw(NO_CONNECTION, "00004", frozenset(), officer(), TODAY)

    with pytest.raises(NotFound):
        await lists.certify(NO_CONNECTION, "00070", list_id, TODAY, "Chủ tịch UBND xã", officer(), TODAY)
    with pytest.raises(NotFound):
        await lists.certify(NO_CONNECTION, "00004", list_id, TODAY, "Chủ tịch UBND xã", officer("79"), TODAY)
