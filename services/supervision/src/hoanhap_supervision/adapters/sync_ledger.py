"""The SQL of offline sync: the operations' first answers (claimed by id, in the transaction of their effect) and
the conflicts kept for a supervisor, listed by commune."""

import json
import uuid
from typing import Any

from hoanhap.postgres.advisory_locks import advisory_lock_key
from hoanhap.postgres.connections import Connection
from hoanhap_supervision.domain.sync_records import ConflictKept, OperationRecord
from hoanhap_supervision.domain.sync_rules import clock_flag, clock_skew

LOCK_PREFIX = "hoanhap.supervision.sync."


class PostgresSyncLedger:
    """sync_operations and sync_conflicts (migration 0004)."""

    async def lock_case(self, connection: Connection, person_id: uuid.UUID) -> None:
        """A transaction-scoped advisory lock on the case's stream."""
        await connection.execute("SELECT pg_advisory_xact_lock($1)", advisory_lock_key(f"{LOCK_PREFIX}{person_id}"))

    async def claim(self, connection: Connection, operation: OperationRecord, actor: str) -> tuple[str, Any] | None:
        """Insert the id; a concurrent claim of the same id makes this wait for it to commit (then the first
        answer is read) or roll back (then this claims it)."""
        times = operation.times
        claimed = await connection.fetchval(
            "INSERT INTO sync_operations (operation_id, fingerprint, actor, person_id, kind, based_on_version, "
            "device_at, sent_at, received_at, clock_skew_seconds, clock_flag) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (operation_id) DO NOTHING "
            "RETURNING true", operation.operation_id, operation.fingerprint, actor, operation.person_id,
            operation.kind, operation.based_on_version, times.device_at, times.sent_at, times.received_at,
            round(clock_skew(times.sent_at, times.received_at).total_seconds()),
            clock_flag(times.device_at, times.sent_at, times.received_at))
        if claimed:
            return None
        row = await connection.fetchrow("SELECT fingerprint, answer FROM sync_operations WHERE operation_id = $1",
                                        operation.operation_id)
        return row["fingerprint"], json.loads(row["answer"])

    async def answered(self, connection: Connection, operation_id: uuid.UUID, answer: dict[str, Any]) -> None:
        """The first answer, stored with the claim."""
        await connection.execute("UPDATE sync_operations SET answer = $2 WHERE operation_id = $1", operation_id,
                                 json.dumps(answer))

    async def keep_conflict(self, connection: Connection, conflict: ConflictKept) -> None:
        """One row per operation id and content, however often it is resent."""
        operation = conflict.operation
        await connection.execute(
            "INSERT INTO sync_conflicts (operation_id, fingerprint, person_id, province_code, commune_code, kind, "
            "reason, based_on_version, current_version, actor, device_at, received_at, sealed_body) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
            "ON CONFLICT (operation_id, fingerprint) DO NOTHING",
            operation.operation_id, operation.fingerprint, operation.person_id, *conflict.place, operation.kind,
            conflict.reason, operation.based_on_version, conflict.current_version, conflict.actor,
            operation.times.device_at, operation.times.received_at, conflict.sealed_body)


async def commune_conflicts(connection: Connection, province_code: str, commune_code: str, limit: int,
                            offset: int) -> tuple[int, list[dict[str, Any]]]:
    """How many conflicts the commune has, and a page of them, oldest first."""
    total = await connection.fetchval("SELECT count(*) FROM sync_conflicts WHERE province_code = $1 "
                                      "AND commune_code = $2", province_code, commune_code)
    rows = await connection.fetch(
        "SELECT id, operation_id, person_id, kind, reason, based_on_version, current_version, actor, device_at, "
        "received_at, sealed_body FROM sync_conflicts WHERE province_code = $1 AND commune_code = $2 "
        "ORDER BY id LIMIT $3 OFFSET $4", province_code, commune_code, limit, offset)
    return total, [dict(row) for row in rows]
