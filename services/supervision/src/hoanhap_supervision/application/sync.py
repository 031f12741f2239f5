"""Offline field sync: a device's batch of operations judged in order and written a run of operations at a time,
each run in one transaction with its operations' ids stored as the idempotency keys of their effects, with their
first answers; a resent operation gets that answer again, an id reused for other content or a stale version over a
changed risk group is kept for a supervisor, never overwriting. One bad operation is answered and skipped, never
blocking the rest.

A run of up to RUN operations shares its round trips to the database (locks, claims, states, keys, one append per
case, answers), which is what makes a batch fast; keeping runs short bounds how long a batch holds its cases' locks
and keeps what was already applied when the connection is cut halfway through a large batch."""

import uuid
from datetime import date
from typing import Any

from hoanhap.auth import Principal
from hoanhap.eventstore import ConcurrencyConflict
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import StaleVersion
from hoanhap_supervision.application.supervision import Supervision, request_metadata
from hoanhap_supervision.application.sync_cases import CaseInBatch, batch_appends
from hoanhap_supervision.application.sync_judging import Judging, refused
from hoanhap_supervision.application.sync_operation import SyncLedger, SyncOperation

ATTEMPTS = 3
RUN = 50
BUSY = "the case kept changing while this was applied; nothing was kept, resend it"


class Sync:
    """The sync use case over supervision's use cases and the ledger of operations."""

    def __init__(self, supervision: Supervision, ledger: SyncLedger) -> None:
        self.supervision = supervision
        self.ledger = ledger

    async def apply(self, connection: Connection, operation: SyncOperation, principal: Principal,
                    today: date) -> dict[str, Any]:
        """One operation's answer (a batch of one)."""
        return (await self.apply_batch(connection, [operation], principal, today))[0]

    async def apply_batch(self, connection: Connection, operations: list[SyncOperation], principal: Principal,
                          today: date) -> list[dict[str, Any]]:
        """Each operation's answer, in order, a run at a time."""
        answers = []
        for start in range(0, len(operations), RUN):
            answers.extend(await self._run(connection, operations[start:start + RUN], principal, today))
        return answers

    async def _run(self, connection: Connection, operations: list[SyncOperation], principal: Principal,
                   today: date) -> list[dict[str, Any]]:
        """The run written in one transaction, retried when another writer changed one of its cases between
        reading and writing; if it keeps being overtaken, its operations are applied one by one, and one still
        overtaken is answered busy (nothing kept: resend it)."""
        answers = await self._attempted(connection, operations, principal, today)
        if answers is not None:
            return answers
        one_by_one = [await self._attempted(connection, [operation], principal, today) for operation in operations]
        return [answer[0] if answer else refused("case_busy", BUSY) for answer in one_by_one]

    async def _attempted(self, connection: Connection, operations: list[SyncOperation], principal: Principal,
                         today: date) -> list[dict[str, Any]] | None:
        for _ in range(ATTEMPTS):
            try:
                async with connection.transaction():
                    return await self._written(connection, operations, principal, today)
            except StaleVersion:
                continue
        return None

    async def _written(self, connection: Connection, operations: list[SyncOperation], principal: Principal,
                       today: date) -> list[dict[str, Any]]:
        """The batch judged against its cases (locked against other syncs) and written: the cases' events, each
        first answer with its claim, the conflicts kept."""
        people = sorted({operation.record.person_id for operation in operations})
        await self.ledger.lock_cases(connection, people)
        claimed_before = await self.ledger.claim_many(connection, [operation.record for operation in operations],
                                                      principal.sub)
        cases = await self._cases(connection, people)
        judging = Judging(self.supervision.rules, principal, today, cases, claimed_before)
        answers = [judging.answer(operation) for operation in operations]
        try:
            await self.supervision.streams.append_many(
                connection, batch_appends(cases, self.supervision.projection, request_metadata(principal)))
        except ConcurrencyConflict as conflict:
            raise StaleVersion(conflict.actual_version) from conflict
        await self.ledger.answered_many(connection, judging.first_answers)
        for kept in judging.conflicts:
            await self.ledger.keep_conflict(connection, kept)
        return answers

    async def _cases(self, connection: Connection, people: list[uuid.UUID]) -> dict[uuid.UUID, CaseInBatch]:
        cases = await self.supervision.current(connection, people)
        keys = await self.supervision.keys.fetch_many(connection, list(cases))
        return {person_id: CaseInBatch(case, keys.get(person_id)) for person_id, case in cases.items()}
