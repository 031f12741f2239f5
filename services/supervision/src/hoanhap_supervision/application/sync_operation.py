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

    async def lock_case(self, connection: Connection, person_id: uuid.UUID) -> None:
        """Until the transaction ends, no other sync writes to this case."""

    async def claim(self, connection: Connection, operation: OperationRecord,
                    actor: str) -> tuple[str, Any] | None:
        """Claim the operation id (waiting for a concurrent claim to finish): None if this call claimed it, else
        the first claim's fingerprint and answer."""

    async def answered(self, connection: Connection, operation_id: uuid.UUID, answer: dict[str, Any]) -> None:
        """The claimed operation's first answer."""

    async def keep_conflict(self, connection: Connection, conflict: ConflictKept) -> None:
        """Keep it for a supervisor (once per id and content)."""
