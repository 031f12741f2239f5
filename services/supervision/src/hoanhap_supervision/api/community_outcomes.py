"""Recording an import's judged rows one transaction each and answering every row: recorded (with the id of what
it made), duplicate (of a row an import already recorded: that record's id) or rejected (its row, and each
column's reason, from the file or from the use case's rules)."""

from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from fastapi import Request

from hoanhap.auth import Principal
from hoanhap.excerpts import excerpt
from hoanhap.postgres.connections import Connection
from hoanhap.spreadsheets import AcceptedRow, Columns, RejectedRow
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.errors import WritePathError
from hoanhap_supervision.application.community_import import CommunityImport, RowWritten
from hoanhap_supervision.domain.errors import DomainError

Command = TypeVar("Command")
REASON_CHARACTERS = 300
Write = Callable[[Connection, Command, Principal, date], Awaitable[RowWritten]]


def community_import_of(request: Request) -> CommunityImport:
    """The import use cases the app's lifespan built."""
    community_import: CommunityImport = request.app.state.community_import
    return community_import


async def written_rows(request: Request, principal: Principal, rows: Sequence[AcceptedRow[Any] | RejectedRow],
                       columns: Columns, id_name: str, write: Write[Command],
                       command_of: Callable[[Any], Command]) -> dict[str, Any]:
    """Each row's answer, in file order, and how many rows had each outcome; `write` is the import use case
    (CommunityImport.launch_once or .report_once), `command_of` makes its command of a row's body."""
    today = vietnam_today()
    answers: list[dict[str, Any]] = []
    async with community_import_of(request).community.supervision.pool.acquire() as connection:
        for row in rows:
            if isinstance(row, RejectedRow):
                answers.append(rejected(row.row_number, row.reasons))
                continue
            try:
                async with connection.transaction():
                    written = await write(connection, command_of(row.body), principal, today)
            except (DomainError, WritePathError) as refusal:
                answers.append(rejected(row.row_number, [reason_of(refusal, columns)]))
                continue
            answers.append({"row": row.row_number, "outcome": "duplicate" if written.duplicate else "recorded",
                            id_name: str(written.record_id)})
    counts = {outcome: sum(answer["outcome"] == outcome for answer in answers)
              for outcome in ("recorded", "duplicate", "rejected")}
    return {**counts, "rows": answers}


def rejected(row_number: int, reasons: list[str]) -> dict[str, Any]:
    """A rejected row's answer, each reason cut to REASON_CHARACTERS (a reason may quote a cell of 1,000)."""
    return {"row": row_number, "outcome": "rejected",
            "reasons": [excerpt(reason, REASON_CHARACTERS) for reason in reasons]}


def reason_of(refusal: Exception, columns: Columns) -> str:
    """The use case's refusal, prefixed with the column of the field it names, if a column holds that field."""
    column = columns.column_of_field.get(getattr(refusal, "field", ""))
    return f"{column.label()}: {refusal}" if column else str(refusal)
