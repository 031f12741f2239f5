"""One operation recorded offline on a device, as the sync use case takes it (its record, what it asks, its body as
sent), and the ledger of operations it needs (a protocol the adapters implement)."""

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

from hoanhap.postgres.connections import Connection
from hoanhap_supervision.application.officer_input import OfficerInput
from hoanhap_supervision.domain.sync_records import ConflictKept, OperationRecord


@dataclass(frozen=True)
class SyncOperation:
    record: OperationRecord
    asked: OfficerInput
    body: dict[str, Any]


class SyncLedger(Protocol):
    """The operations' first answers and the conflicts kept, inside the caller's transaction."""

    async def lock_cases(self, connection: Connection, person_ids: list[uuid.UUID]) -> None:
        """Until the transaction ends, no other sync writes to these cases."""

    async def claim_many(self, connection: Connection, operations: list[OperationRecord],
                         actor: str) -> dict[uuid.UUID, tuple[str, Any]]:
        """Claim the ids not claimed before (waiting for concurrent claims to finish); the fingerprint and first
        answer of each id claimed before."""

    async def answered_many(self, connection: Connection, answers: list[tuple[uuid.UUID, dict[str, Any]]]) -> None:
        """The claimed operations' first answers."""

    async def keep_conflict(self, connection: Connection, conflict: ConflictKept) -> None:
        """Keep it for a supervisor (once per id and content)."""
