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
CLAIM_COLUMNS = ("operation_id, fingerprint, actor, person_id, kind, based_on_version, device_at, sent_at, "
                 "received_at, clock_skew_seconds, clock_flag")


class PostgresSyncLedger:
    """sync_operations and sync_conflicts (migration 0004)."""

    async def lock_cases(self, connection: Connection, person_ids: list[uuid.UUID]) -> None:
        """Transaction-scoped advisory locks on the cases' streams, taken in one order by every sync."""
        keys = sorted(advisory_lock_key(f"{LOCK_PREFIX}{person_id}") for person_id in set(person_ids))
        await connection.execute("SELECT pg_advisory_xact_lock(key) FROM unnest($1::bigint[]) AS locks(key)", keys)

    async def claim_many(self, connection: Connection, operations: list[OperationRecord],
                         actor: str) -> dict[uuid.UUID, tuple[str, Any]]:
        """Insert the ids not yet claimed; a concurrent claim of the same id makes this wait for it to commit
        (then its first answer is read) or roll back (then this claims it). The first claims' fingerprints and
        answers of the ids claimed before."""
        unique = list({operation.operation_id: operation for operation in operations}.values())
        claimed = {row["operation_id"] for row in await connection.fetch(
            f"INSERT INTO sync_operations ({CLAIM_COLUMNS}) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], "
            "$4::uuid[], $5::text[], $6::integer[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], "
            "$10::integer[], $11::text[]) ON CONFLICT (operation_id) DO NOTHING RETURNING operation_id",
            *map(list, zip(*(claim_row(operation, actor) for operation in unique), strict=True)))}
        earlier = [operation.operation_id for operation in unique if operation.operation_id not in claimed]
        rows = await connection.fetch("SELECT operation_id, fingerprint, answer FROM sync_operations "
                                      "WHERE operation_id = ANY($1)", earlier) if earlier else []
        return {row["operation_id"]: (row["fingerprint"], json.loads(row["answer"])) for row in rows}

    async def answered_many(self, connection: Connection, answers: list[tuple[uuid.UUID, dict[str, Any]]]) -> None:
        """The claimed operations' first answers, stored with their claims."""
        if answers:
            await connection.execute(
                "UPDATE sync_operations o SET answer = a.answer::jsonb FROM unnest($1::uuid[], $2::text[]) "
                "AS a(operation_id, answer) WHERE o.operation_id = a.operation_id",
                [operation_id for operation_id, _ in answers], [json.dumps(answer) for _, answer in answers])

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


def claim_row(operation: OperationRecord, actor: str) -> tuple[Any, ...]:
    """One claim's values, in CLAIM_COLUMNS' order."""
    times = operation.times
    return (operation.operation_id, operation.fingerprint, actor, operation.person_id, operation.kind,
            operation.based_on_version, times.device_at, times.sent_at, times.received_at,
            round(clock_skew(times.sent_at, times.received_at).total_seconds()),
            clock_flag(times.device_at, times.sent_at, times.received_at))


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
