"""What is kept of an operation recorded offline on a device: its identity, when it happened and was sent and
received, and, when it is not applied, why (values only: no I/O)."""

import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class DeviceTimes:
    """When the device says it recorded the operation and sent the batch, and when the server received it."""

    device_at: datetime
    sent_at: datetime
    received_at: datetime


@dataclass(frozen=True)
class OperationRecord:
    """The operation's id (the idempotency key of its effect), its case, kind, the version the device saw, its
    times, and the keyed fingerprint of its content (its identity beyond its id)."""

    operation_id: uuid.UUID
    person_id: uuid.UUID
    kind: str
    based_on_version: int
    times: DeviceTimes
    fingerprint: str


@dataclass(frozen=True)
class ConflictKept:
    """What a supervisor is shown of an operation kept instead of applied (its body sealed with the person's key,
    None once they are erased)."""

    operation: OperationRecord
    actor: str
    place: tuple[str, str]
    reason: str
    current_version: int
    sealed_body: str | None
