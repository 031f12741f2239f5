"""POST /v1/sync: a batch of operations recorded offline on a device, each answered (accepted, duplicate, conflict
or rejected) in order, one bad operation never blocking the rest; GET …/sync-conflicts: what was kept for a
supervisor instead of applied."""

import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import ValidationError

from hoanhap.auth import CurrentPrincipal, Principal, ensure_jurisdiction
from hoanhap.contracts.values import INTEGER_COLUMN_MAX, CommuneCode
from hoanhap.service.error_answers import bounded
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.idempotency import fingerprint_key_of
from hoanhap_supervision.adapters.sync_ledger import commune_conflicts
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.api.sync_requests import SYNC_KINDS, OperationRequest, SyncBatch
from hoanhap_supervision.api.sync_views import conflict_view
from hoanhap_supervision.application.sync import Sync
from hoanhap_supervision.application.sync_judging import refused
from hoanhap_supervision.application.sync_operation import SyncOperation
from hoanhap_supervision.domain.sync_records import DeviceTimes, OperationRecord
from hoanhap_supervision.domain.sync_rules import CLOCK_SKEW_BOUND, clock_flag, clock_skew

router = APIRouter(prefix="/v1", tags=["sync"])
FINGERPRINT_PURPOSE = b"hoanhap.supervision.sync-fingerprint"
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=INTEGER_COLUMN_MAX)]


def sync_of(request: Request) -> Sync:
    """The sync use case the app's lifespan built."""
    sync: Sync = request.app.state.sync
    return sync


@router.post("/sync", responses={422: {"description": "the batch is malformed (the field is named)"}})
async def sync_batch(batch: SyncBatch, request: Request, principal: CurrentPrincipal) -> dict[str, Any]:
    """Apply each operation once, in order, the whole batch in one transaction with its operations' ids; resending
    the batch (whole or after a cut) answers each applied one as a duplicate with its first answer. Device clocks
    more than 10 minutes off, or operations dated in the future, are flagged."""
    received_at = datetime.now(UTC)
    sync = sync_of(request)
    key = fingerprint_key_of(sync.supervision.keys.master_key, FINGERPRINT_PURPOSE)
    timed = [(asked, DeviceTimes(asked.device_at, batch.sent_at, received_at)) for asked in batch.operations]
    taken = [taken_operation(asked, times, principal, key) for asked, times in timed]
    operations = [operation for operation in taken if isinstance(operation, SyncOperation)]
    async with sync.supervision.pool.acquire() as connection:
        applied = iter(await sync.apply_batch(connection, operations, principal, vietnam_today()))
    results = [result_of(asked, times, next(applied) if isinstance(answer, SyncOperation) else answer)
               for (asked, times), answer in zip(timed, taken, strict=True)]
    skew = clock_skew(batch.sent_at, received_at)
    return {"received_at": received_at.isoformat(), "sent_at": batch.sent_at.isoformat(),
            "clock_skew_seconds": round(skew.total_seconds()), "clock_skewed": abs(skew) > CLOCK_SKEW_BOUND,
            "results": results}


def taken_operation(asked: OperationRequest, times: DeviceTimes, principal: Principal,
                    key: bytes) -> SyncOperation | dict[str, Any]:
    """The operation as the sync use case takes it, or, for a body its kind refuses, the answer naming the field
    (no effect, nothing stored: the same body is refused the same way however often it is resent)."""
    kind = SYNC_KINDS[asked.kind]
    try:
        body = kind.request.model_validate(asked.body)
    except ValidationError as invalid:
        error = bounded(invalid.errors()[0])  # the message without the value sent, as every 422 has it
        field = ".".join(["body", *(str(part) for part in error["loc"])])
        return {**refused("invalid", error["msg"]), "field": field}
    record = OperationRecord(asked.operation_id, asked.person_id, asked.kind, asked.based_on_version, times,
                             fingerprint(key, principal, asked))
    return SyncOperation(record, kind.asked(body, asked.operation_id), asked.body)


def result_of(asked: OperationRequest, times: DeviceTimes, answer: dict[str, Any]) -> dict[str, Any]:
    """The operation's line in the answer: its id, its answer and any doubt about the device's clock."""
    flag = clock_flag(times.device_at, times.sent_at, times.received_at)
    return {"operation_id": str(asked.operation_id), **answer, **({"clock": flag} if flag else {})}


def fingerprint(key: bytes, principal: Principal, asked: OperationRequest) -> str:
    """The operation's content (who, which case, which version, when, what), keyed so a stored fingerprint cannot
    be matched against guessed notes."""
    content = {"by": principal.caller_scope, **asked.model_dump(mode="json")}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


@router.get("/communes/{commune_code}/sync-conflicts")
async def sync_conflicts(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                         limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """The operations kept instead of applied in the commune, oldest first, with their body (None once the person
    is erased) and why."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        total, rows = await commune_conflicts(connection, principal.jurisdiction.province, commune_code, limit,
                                              offset)
        conflicts = [conflict_view(row, await supervision.keys.fetch(connection, row["person_id"])) for row in rows]
    return {"total": total, "limit": limit, "offset": offset, "conflicts": conflicts}
