"""POST /v1/imports: an officer's existing list (CSV or XLSX) registered in the background, at most
CONCURRENT_IMPORTS at once per process; GET its progress and its rows, a page at a time."""

import asyncio
import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal
from hoanhap.contracts.values import INTEGER_COLUMN_MAX
from hoanhap.excerpts import excerpt
from hoanhap.service.request_limits import UPLOAD_BODY_BYTES, body_limit
from hoanhap_registry.api.registry_state import registry_of
from hoanhap_registry.spreadsheet_import.parsing import ImportFileError
from hoanhap_registry.spreadsheet_import.running.reading import start_reading
from hoanhap_registry.spreadsheet_import.running.runner import REASON_CHARACTERS, run_import
from hoanhap_registry.spreadsheet_import.running.slots import RETRY_AFTER_SECONDS, ImportsBusy, ImportSlots

router = APIRouter(prefix="/v1/imports", tags=["imports"])
UPLOAD = {**body_limit(UPLOAD_BODY_BYTES), "requestBody": {"required": True, "content": {
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}
PAGE_ROWS = 100  # a row's reasons are bounded (spreadsheet_import/running/runner.py): a page stays well under 1 MB
BUSY: dict[int | str, dict[str, Any]] = {503: {
    "description": "the service runs as many imports as it may; Retry-After says when to try again",
    "headers": {"Retry-After": {"description": "seconds", "schema": {"type": "integer"}}}}}
ROWS = ("SELECT row_number, outcome, person_id, reasons FROM import_rows WHERE import_id = $1 AND ($2 OR outcome = "
        "'rejected') AND row_number > $3 ORDER BY row_number LIMIT $4")
SUMMARY = """SELECT i.import_id, i.filename, i.status, i.failure, i.total_rows, i.started_at, i.finished_at,
       count(r.row_number) AS processed,
       count(*) FILTER (WHERE r.outcome = 'registered') AS registered,
       count(*) FILTER (WHERE r.outcome = 'already_registered') AS already_registered,
       count(*) FILTER (WHERE r.outcome = 'transfer_requested') AS transfer_requested,
       count(*) FILTER (WHERE r.outcome = 'rejected') AS rejected
FROM imports i LEFT JOIN import_rows r USING (import_id)
WHERE i.import_id = $1 AND i.caller = $2 GROUP BY i.import_id"""


@router.post("", status_code=202, responses={422: {"description": "the file cannot be read"}, **BUSY},
             openapi_extra=UPLOAD)
async def start_import(request: Request, principal: CurrentPrincipal,
                       filename: Annotated[str, Query(min_length=1, max_length=200,
                                                      description="the file's name, e.g. danh-sach.xlsx")]
                       ) -> JSONResponse:
    """Send the file as the request body (curl --data-binary @danh-sach.xlsx), at most 20 MB; columns:
    docs/bulk-import.md. While the service runs as many imports as it may, 503 before the file is read."""
    give_back = take_import_slot(request)
    try:
        import_id, total_rows, task = await begin_import(request, principal, filename)
    except BaseException:
        give_back()
        raise
    task.add_done_callback(lambda _: give_back())
    return JSONResponse({"import_id": str(import_id), "total_rows": total_rows, "status": "running"}, 202,
                        headers={"Location": f"/v1/imports/{import_id}"})


def take_import_slot(request: Request) -> Callable[[], None]:
    """One of the process's import slots, as the function that gives it back; 503 with Retry-After if none is
    free."""
    slots: ImportSlots = getattr(request.app.state, "import_slots", None) or ImportSlots()
    request.app.state.import_slots = slots
    try:
        return slots.take()
    except ImportsBusy as busy:
        raise HTTPException(503, str(busy), {"Retry-After": str(RETRY_AFTER_SECONDS)}) from None


async def begin_import(request: Request, principal: CurrentPrincipal,
                       filename: str) -> tuple[uuid.UUID, int, asyncio.Task[None]]:
    """Read the upload's header, record the import and register its rows in the background; 422 when the file
    cannot be read."""
    content = await request.body()
    try:
        reader = await start_reading(content, filename)
    except ImportFileError as error:
        raise HTTPException(422, [{"loc": ["body"], "msg": excerpt(error.reason, REASON_CHARACTERS),
                                   "type": "unreadable_file"}]) from error
    registry = registry_of(request)
    import_id = uuid.uuid4()
    try:
        await registry.pool.execute(
            "INSERT INTO imports (import_id, caller, filename, sha256, total_rows, status) "
            "VALUES ($1, $2, $3, $4, $5, 'running')", import_id, principal.caller_scope, filename,
            hashlib.sha256(content).hexdigest(), reader.total_rows)
    except BaseException:  # nothing will read the rows: stop the reading process
        reader.close()
        raise
    task = asyncio.create_task(run_import(registry, import_id, reader, principal))
    request.app.state.imports = getattr(request.app.state, "imports", set()) | {task}
    task.add_done_callback(request.app.state.imports.discard)
    return import_id, reader.total_rows, task


@router.get("/{import_id}", responses={404: {}})
async def read_import(import_id: uuid.UUID, request: Request, principal: CurrentPrincipal,
                      rows: Literal["all", "rejected", "none"] = "all",
                      after_row: Annotated[int, Query(ge=0, le=INTEGER_COLUMN_MAX,
                                                      description="list rows after this row number: the previous "
                                                                  "page's next_after_row")] = 0,
                      limit: Annotated[int, Query(ge=1, le=PAGE_ROWS)] = PAGE_ROWS) -> dict[str, Any]:
    """Progress and counts; with rows=all (default) or rejected, the outcome and reasons of up to `limit` rows
    after `after_row`, and next_after_row when there are more."""
    registry = registry_of(request)
    async with registry.pool.acquire() as connection:
        summary = await connection.fetchrow(SUMMARY, import_id, principal.caller_scope)
        if summary is None:
            raise HTTPException(404, "no such import of yours")
        outcomes = [] if rows == "none" else await connection.fetch(ROWS, import_id, rows == "all", after_row,
                                                                    limit + 1)
    return {**{key: value.isoformat() if hasattr(value, "isoformat") else value
               for key, value in dict(summary).items()}, "import_id": str(import_id),
            "rows": [{"row_number": row["row_number"], "outcome": row["outcome"],
                      "person_id": str(row["person_id"]) if row["person_id"] else None,
                      "reasons": json.loads(row["reasons"]) if row["reasons"] else []}
                     for row in outcomes[:limit]],
            "next_after_row": outcomes[limit - 1]["row_number"] if len(outcomes) > limit else None}
