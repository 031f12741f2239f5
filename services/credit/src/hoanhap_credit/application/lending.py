"""Credit's loan use cases: load a loan (its state as last written, or replayed), check the caller's access to its
commune, decide, then write the events with the loan's state alongside in one statement."""

import uuid
from dataclasses import dataclass
from functools import partial

import asyncpg

from hoanhap.auth import Principal
from hoanhap.eventstore import ConcurrencyConflict
from hoanhap.postgres.connections import Connection
from hoanhap.sealing import seal_text
from hoanhap.write_path.errors import Conflict, NotFound, StaleVersion
from hoanhap.write_path.jurisdiction import ensure_place_access
from hoanhap_credit.application.loan_input import LoanChange, RepaymentInput
from hoanhap_credit.application.loan_writes import facts_of, loan_append, metadata_of
from hoanhap_credit.application.maker_checker import ensure_checked_by_another
from hoanhap_credit.application.payment_ids import ensure_payment_of_this_loan
from hoanhap_credit.application.same_purpose import ensure_no_same_purpose_debt
from hoanhap_credit.application.storage import HolderKeys, LoanProjection, LoanStreams
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.debt_groups import DEFAULT_DEBT_GROUPS, DebtGroupRange
from hoanhap_credit.domain.lending_limits import LendingLimits
from hoanhap_credit.domain.loan_arrears import with_arrears_of_payment
from hoanhap_credit.domain.loan_decide import decide
from hoanhap_credit.domain.loan_record import LoanRecord, stream_of
from hoanhap_credit.domain.loan_state import replay
from hoanhap_credit.domain.rates import RateTable

NOT_FOUND = "no loan with this id"
FORBIDDEN = "this loan is outside your jurisdiction"
KEY_GONE = "the borrower's key is destroyed: nothing more is recorded on this loan"
RACES_RETRIED = 3  # two tellers posting one payment at once: the loser re-decides and finds it recorded


@dataclass(frozen=True)
class Rules:
    """The deployment's rates in force and lending limits."""

    rates: RateTable
    limits: LendingLimits
    debt_groups: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS


class Lending:
    """Everything a loan request needs: the pool, the loans' streams, the holders' keys, the state projection and
    the deployment's rules."""

    def __init__(self, pool: asyncpg.Pool, storage: tuple[LoanStreams, HolderKeys, LoanProjection],
                 rules: Rules) -> None:
        self.pool = pool
        self.streams, self.keys, self.projection = storage
        self.rules = rules

    async def current(self, connection: Connection, loan_ids: list[uuid.UUID]) -> dict[uuid.UUID, LoanRecord]:
        """The loans as last written; one whose state cannot be read is replayed from its stream."""
        records = await self.streams.current_states(connection, loan_ids)
        for loan_id in set(loan_ids) - set(records):
            facts = facts_of(await self.streams.read_stream(connection, stream_of(loan_id)))
            loan = replay(facts)
            if loan is not None and facts[-1].party is not None:
                records[loan_id] = LoanRecord(loan_id, facts[-1].party, loan)
        return records

    async def record_for(self, connection: Connection, loan_id: uuid.UUID, principal: Principal) -> LoanRecord:
        """The loan for a caller of its province and commune: NotFound elsewhere in the country, Forbidden in
        another commune of the province."""
        record = (await self.current(connection, [loan_id])).get(loan_id)
        if record is None:
            raise NotFound(NOT_FOUND)
        ensure_place_access(principal, record.party.province_code, record.party.commune_code, not_found=NOT_FOUND,
                            forbidden=FORBIDDEN)
        return record

    async def change(self, connection: Connection, loan_id: uuid.UUID, asked: LoanChange, principal: Principal,
                     expected_version: int | None) -> tuple[LoanRecord, list[ev.LoanFact]]:
        """The loan once the change is decided and written, with the events it made (none: a payment already
        recorded). A payment posted twice at once is applied once: the second re-decides and finds it."""
        for attempt in range(1, RACES_RETRIED + 1):
            record = await self.record_for(connection, loan_id, principal)
            await ensure_checked_by_another(self.streams, connection, loan_id, asked, principal)
            await ensure_no_same_purpose_debt(self.streams, connection, record, asked)
            if expected_version is not None and expected_version != record.version:
                raise StaleVersion(record.version, "someone else changed this loan first; reload it and try again")
            key = await self.keys.fetch(connection, record.party.holder_id)
            if key is None:
                raise Conflict(KEY_GONE)
            seal = partial(seal_text, person_key=key, person_id=record.party.holder_id)
            command = asked.command(seal, principal.role.value)
            events = decide(record.loan, command, self.rules.rates, self.rules.limits)
            if isinstance(asked, RepaymentInput):
                events = with_arrears_of_payment(record.loan, events, self.rules.debt_groups)
            try:
                async with connection.transaction():  # a savepoint inside the caller's: a lost race can retry
                    if isinstance(asked, RepaymentInput) and events:
                        await ensure_payment_of_this_loan(self.streams, connection, loan_id, asked.payment_id)
                    return await self.append(connection, record.after(events), record.version, events,
                                             principal), events
            except StaleVersion:
                if not isinstance(asked, RepaymentInput) or expected_version is not None or attempt == RACES_RETRIED:
                    raise
        raise AssertionError("unreachable")

    async def append(self, connection: Connection, after: LoanRecord, version: int, events: list[ev.LoanFact],
                     principal: Principal) -> LoanRecord:
        """The events after `version` with the loan's new state; StaleVersion if the loan moved on meanwhile."""
        if not events:
            return after
        append = loan_append(self.projection, after, version, events, metadata_of(principal.sub,
                                                                                   principal.agency.value))
        try:
            await self.streams.append_many(connection, [append])
        except ConcurrencyConflict as conflict:
            raise StaleVersion(conflict.actual_version) from conflict
        return after
