"""Offline field sync: each operation a device recorded is applied once, in its own transaction with its id stored
as the idempotency key of its effect; a resent operation gets its first answer again, an id reused for other
content or a stale version over a changed risk group is kept for a supervisor, never overwriting."""

import json
from datetime import date
from typing import Any

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection
from hoanhap.sealing import seal_text
from hoanhap.write_path.errors import Conflict, Forbidden, NotFound, StaleVersion
from hoanhap.write_path.jurisdiction import ensure_place_access
from hoanhap_supervision.application.supervision import FORBIDDEN, NOT_FOUND, Supervision, case_of
from hoanhap_supervision.application.sync_operation import SyncLedger, SyncOperation
from hoanhap_supervision.domain.case_identity import stream_of
from hoanhap_supervision.domain.errors import CaseConflict, RuleViolation
from hoanhap_supervision.domain.events import RiskAssessed
from hoanhap_supervision.domain.state import SupervisionCase
from hoanhap_supervision.domain.sync_records import ConflictKept
from hoanhap_supervision.domain.sync_rules import Outcome, Verdict, same_id_other_content, stale_verdict

ATTEMPTS = 3


class Sync:
    """The sync use case over supervision's use cases and the ledger of operations."""

    def __init__(self, supervision: Supervision, ledger: SyncLedger) -> None:
        self.supervision = supervision
        self.ledger = ledger

    async def apply(self, connection: Connection, operation: SyncOperation, principal: Principal,
                    today: date) -> dict[str, Any]:
        """The operation's answer, its effect (if any) and its id committed together; syncs of one case take turns,
        and an operation is retried when another writer changed the case between reading and writing it."""
        for _ in range(ATTEMPTS):
            try:
                async with connection.transaction():
                    return await self._once(connection, operation, principal, today)
            except StaleVersion:
                continue
        return refused("case_busy", "the case kept changing while this was applied; nothing was kept, resend it")

    async def _once(self, connection: Connection, operation: SyncOperation, principal: Principal,
                    today: date) -> dict[str, Any]:
        await self.ledger.lock_case(connection, operation.record.person_id)
        first = await self.ledger.claim(connection, operation.record, principal.sub)
        if first is not None:
            fingerprint, answer = first
            if fingerprint == operation.record.fingerprint:
                return {"status": Outcome.DUPLICATE.value, "first_answer": answer}
            return await self._reused_id(connection, operation, principal)
        answer = await self._decided(connection, operation, principal, today)
        await self.ledger.answered(connection, operation.record.operation_id, answer)
        return answer

    async def _decided(self, connection: Connection, operation: SyncOperation, principal: Principal,
                       today: date) -> dict[str, Any]:
        """Applied, kept as a conflict or rejected with its reason; a refused effect leaves nothing behind (its
        savepoint is rolled back) but its answer."""
        try:
            async with connection.transaction():
                return await self._applied(connection, operation, principal, today)
        except (NotFound, Forbidden) as refusal:
            return refused("outside_jurisdiction" if isinstance(refusal, Forbidden) else "case_not_found",
                           str(refusal))
        except RuleViolation as violation:
            return {**refused("invalid", violation.message), "field": f"body.{violation.field}"}
        except StaleVersion:
            raise
        except (CaseConflict, Conflict) as conflict:
            return refused("case_refuses", str(conflict))

    async def _applied(self, connection: Connection, operation: SyncOperation, principal: Principal,
                       today: date) -> dict[str, Any]:
        record = operation.record
        stored = await self.supervision.streams.read_stream(connection, stream_of(record.person_id))
        now, seen = case_of(stored), case_of(stored[:record.based_on_version])
        if now is None:
            raise NotFound(NOT_FOUND)
        place = seen or now
        ensure_place_access(principal, place.province_code, place.commune_code, not_found=NOT_FOUND,
                            forbidden=FORBIDDEN)
        meanwhile = stored[record.based_on_version:]
        assessed = sum(1 for event in meanwhile if event.type == RiskAssessed.type_name())
        verdict = stale_verdict(seen, now, record.kind, assessed, record.based_on_version, len(stored),
                                getattr(operation.asked, "area", None))
        if verdict is not None:
            return await self._not_applied(connection, operation, principal, now, len(stored), verdict)
        version = await self.supervision.record(connection, operation.record.person_id, operation.asked, principal,
                                                len(stored), today)
        return {"status": Outcome.ACCEPTED.value, "version": version, **operation_extra(operation)}

    async def _not_applied(self, connection: Connection, operation: SyncOperation, principal: Principal,
                           case: SupervisionCase, version: int, verdict: Verdict) -> dict[str, Any]:
        if verdict.outcome == Outcome.CONFLICT:
            await self._keep(connection, operation, principal, case, version, verdict.reason)
        return {"status": verdict.outcome.value, "reason": verdict.reason, "message": verdict.message,
                "current_version": version}

    async def _reused_id(self, connection: Connection, operation: SyncOperation,
                         principal: Principal) -> dict[str, Any]:
        """Conflict, nothing changed; kept for the supervisor of the case's commune if the caller may see it."""
        verdict = same_id_other_content()
        stored = await self.supervision.streams.read_stream(connection, stream_of(operation.record.person_id))
        case = case_of(stored)
        if case is not None and principal.can_access(case.province_code, case.commune_code):
            await self._keep(connection, operation, principal, case, len(stored), verdict.reason)
        return {"status": verdict.outcome.value, "reason": verdict.reason, "message": verdict.message}

    async def _keep(self, connection: Connection, operation: SyncOperation, principal: Principal,
                    case: SupervisionCase, version: int, reason: str) -> None:
        key = await self.supervision.keys.fetch(connection, operation.record.person_id)
        body = None if key is None else seal_text(json.dumps(operation.body), key, operation.record.person_id)
        await self.ledger.keep_conflict(connection, ConflictKept(operation.record, principal.sub,
                                                                 (case.province_code, case.commune_code), reason,
                                                                 version, body))


def refused(reason: str, message: str) -> dict[str, Any]:
    """A rejection with its reason code and words."""
    return {"status": Outcome.REJECTED.value, "reason": reason, "message": message}


def operation_extra(operation: SyncOperation) -> dict[str, Any]:
    """What an accepted operation's answer names besides the version: the id of what it recorded (a contact's, a
    support's: the operation's own id), as the kind's own endpoint names it."""
    name = f"{operation.record.kind}_id"
    return {name: str(operation.record.operation_id)} if hasattr(operation.asked, name) else {}
