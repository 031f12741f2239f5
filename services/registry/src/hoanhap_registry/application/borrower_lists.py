"""The commune list of borrowers (Form 01): drawn up by the commune police from the registry's facts, certified
once by the commune People's Committee; the certification publishes, in the same transaction, one PersonListed
per person still known (the bank's CommuneListingCertified)."""

import uuid
from datetime import date

from hoanhap.auth import Principal
from hoanhap.eventstore import ConcurrencyConflict
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import NotFound
from hoanhap_registry.application.borrower_list_storage import BorrowerListStore
from hoanhap_registry.application.case_writes import facts_append
from hoanhap_registry.application.registry import Registry
from hoanhap_registry.domain import borrower_list_events as ev
from hoanhap_registry.domain.borrower_list import BorrowerList, certify, replay_list
from hoanhap_registry.domain.borrower_selection import selected
from hoanhap_registry.domain.errors import CaseConflict


class ListNotFound(NotFound):
    """No list with this id in the commune (or none the caller may see)."""

    def __init__(self) -> None:
        super().__init__("no such list")


class BorrowerLists:
    """Drawing and certifying a commune's lists, with the registry's cases and streams."""

    def __init__(self, registry: Registry, store: BorrowerListStore) -> None:
        self.registry = registry
        self.store = store

    async def draw(self, connection: Connection, commune_code: str, excluded: frozenset[uuid.UUID],
                   principal: Principal, today: date) -> uuid.UUID:
        """A new list of the commune in the caller's province as of today; its id."""
        province_code = principal.jurisdiction.province
        cases = []
        for person_id in await self.store.residents(connection, province_code, commune_code):
            case, _ = await self.registry.load(connection, person_id)
            if case is not None:
                cases.append((person_id, case))
        rows, left_out = selected(cases, commune_code, today, excluded)
        drawn = ev.BorrowerListDrawn(list_id=uuid.uuid4(), province_code=province_code, commune_code=commune_code,
                                     drawn_on=today, person_ids=tuple(row.person_id for row in rows),
                                     excluded_person_ids=tuple(left_out))
        alongside = self.store.drawn_alongside(drawn, rows, principal.sub)
        await self.registry.streams.append_many(connection, [
            facts_append(ev.list_stream(drawn.list_id), 0, [drawn], principal, *alongside)])
        return drawn.list_id

    async def certify(self, connection: Connection, commune_code: str, list_id: uuid.UUID, certified_on: date,
                      certified_by: str, principal: Principal, today: date) -> int:
        """Record the certification once (CaseConflict the second time), with one PersonListed per person still
        known; how many were listed."""
        borrowers, version = await self.load(connection, commune_code, list_id, principal)
        still_known = await self.store.still_known(connection, list(borrowers.drawn.person_ids))
        events = certify(borrowers, certified_on, certified_by, today, still_known)
        certified = events[0]
        assert isinstance(certified, ev.BorrowerListCertified)
        alongside = self.store.certified_alongside(list_id, certified, principal.sub, version + len(events))
        try:
            await self.registry.streams.append_many(connection, [
                facts_append(ev.list_stream(list_id), version, events, principal, alongside)])
        except ConcurrencyConflict as conflict:
            raise CaseConflict("the list was certified by another request meanwhile") from conflict
        return len(events) - 1

    async def load(self, connection: Connection, commune_code: str, list_id: uuid.UUID,
                   principal: Principal) -> tuple[BorrowerList, int]:
        """The list and its version; ListNotFound unless it is of this commune of the caller's province."""
        stored = await self.store.read_list(connection, list_id)
        borrowers = replay_list([ev.LIST_FACTS[event.type].model_validate(event.payload) for event in stored])
        if borrowers is None or (borrowers.drawn.province_code, borrowers.drawn.commune_code) != (
                principal.jurisdiction.province, commune_code):
            raise ListNotFound()
        return borrowers, len(stored)
