"""Importing an officer's existing list of a commune's local models or outreach activities (CSV or XLSX,
Vietnamese headers; columns in api/community_sheets.py): each row recorded through the same use case as the
one-by-one endpoint, at most once however often the list is sent, and answered (recorded, duplicate or rejected
with its row, column and reason).

The lists are short (a commune's models, its activities of a year), so the file is read and its rows recorded
while the request waits, up to IMPORT_BODY_BYTES and IMPORT_ROWS rows; each row in a transaction of its own, as
the registry's import does: a bad row is answered and the good ones are kept, and sending the list again after
correcting it records only what was not recorded yet.
"""

import asyncio
import uuid
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from hoanhap.auth import CurrentPrincipal, Principal, ensure_jurisdiction
from hoanhap.contracts.values import CommuneCode
from hoanhap.excerpts import excerpt
from hoanhap.service.request_limits import body_limit
from hoanhap.spreadsheets import Columns, ImportFileError, judged_rows
from hoanhap.spreadsheets.file_kinds import row_count
from hoanhap_supervision.api import community_sheets as sheets
from hoanhap_supervision.api.community_outcomes import REASON_CHARACTERS, community_import_of, written_rows
from hoanhap_supervision.api.community_requests import ModelLaunch, OutreachReport
from hoanhap_supervision.domain.local_models import LaunchModel
from hoanhap_supervision.domain.outreach import ReportOutreach

router = APIRouter(prefix="/v1/communes/{commune_code}", tags=["imports"])
IMPORT_BODY_BYTES = 2 * 1024 * 1024
IMPORT_ROWS = 1_000  # rows of the sheet, title, header and blank rows included
UPLOAD = {**body_limit(IMPORT_BODY_BYTES), "requestBody": {"required": True, "content": {
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}
ANSWERS: dict[int | str, dict[str, Any]] = {
    403: {"description": "the commune is outside your jurisdiction"},
    422: {"description": "the file cannot be read, lacks a required column or has too many rows"}}
FileName = Annotated[str, Query(min_length=1, max_length=200, description="the file's name, e.g. mo-hinh.xlsx")]


@router.post("/models/import", responses=ANSWERS, openapi_extra=UPLOAD)
async def import_models(commune_code: CommuneCode, filename: FileName, request: Request,
                        principal: CurrentPrincipal) -> dict[str, Any]:
    """Send the list as the request body (curl --data-binary @mo-hinh.xlsx): "Tên mô hình", "Cấp", "Ngày ra mắt",
    "Xã/phường bao phủ", "Tổ chức chủ trì" (README); each row launched as POST /v1/models would, run by this
    commune."""
    rows = await read_list(request, principal, commune_code, filename, sheets.MODEL_COLUMNS, sheets.model_launch)

    def launch(body: ModelLaunch) -> LaunchModel:
        return LaunchModel(uuid.uuid4(), body.title, body.level, body.province_code, tuple(body.commune_codes),
                           body.former_district_name, body.lead_organisation, body.launched_on)
    return await written_rows(request, principal, rows, sheets.MODEL_COLUMNS, "model_id",
                              community_import_of(request).launch_once, launch)


@router.post("/outreach/import", responses=ANSWERS, openapi_extra=UPLOAD)
async def import_outreach(commune_code: CommuneCode, filename: FileName, request: Request,
                          principal: CurrentPrincipal) -> dict[str, Any]:
    """Send the list as the request body: "Hình thức", "Số lượng", "Số người tham dự", "Ngày thực hiện" (README);
    each row reported as POST /v1/outreach would, held in this commune."""
    rows = await read_list(request, principal, commune_code, filename, sheets.OUTREACH_COLUMNS,
                           sheets.outreach_report)

    def report(body: OutreachReport) -> ReportOutreach:
        return ReportOutreach(uuid.uuid4(), body.activity, body.quantity, body.attendance, body.province_code,
                              body.commune_code, body.held_on)
    return await written_rows(request, principal, rows, sheets.OUTREACH_COLUMNS, "outreach_id",
                              community_import_of(request).report_once, report)


async def read_list(request: Request, principal: Principal, commune_code: str, filename: str, columns: Columns,
                    judge: Callable[..., Any]) -> list[Any]:
    """The file's rows judged (bodies or RejectedRows), read in a thread; 422 at the body when the file cannot be
    read, lacks a column or has more than IMPORT_ROWS rows."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    content = await request.body()
    place = {"province_code": principal.jurisdiction.province, "commune_code": commune_code}

    def read() -> list[Any]:
        if (rows := row_count(content, filename)) > IMPORT_ROWS:
            raise ImportFileError(f"the file has {rows:,} rows; an import of this list reads at most "
                                  f"{IMPORT_ROWS:,}: split it into files of fewer rows and import each")
        return list(judged_rows(content, filename, columns, partial(judge, **place)))
    try:
        return await asyncio.to_thread(read)
    except ImportFileError as error:
        raise HTTPException(422, [{"loc": ["body"], "msg": excerpt(error.reason, REASON_CHARACTERS),
                                   "type": "unreadable_file"}]) from error
