"""Running an import in the background: register each chunk of rows as the reading process hands it over, and
record every row's outcome, its reasons bounded (a row's reasons may quote its cells)."""

import json
import uuid
from collections.abc import Sequence

import structlog

from hoanhap.auth import Principal
from hoanhap.excerpts import excerpt
from hoanhap_registry.application.registry import Registry
from hoanhap_registry.spreadsheet_import.parsing import ImportFileError, ImportResult, ImportRow
from hoanhap_registry.spreadsheet_import.running.reading import UploadReader
from hoanhap_registry.spreadsheet_import.running.registering import RowOutcome, register_chunk

log = structlog.get_logger(__name__)
AGAIN = "importing the file again registers none of its rows twice"
REASON_CHARACTERS = 300
ROW_REASON_CHARACTERS = 1_200  # a page of 100 rows stays under 1 MB even in 6-byte JSON escapes


async def run_import(registry: Registry, import_id: uuid.UUID, reader: UploadReader, principal: Principal) -> None:
    """Register the accepted rows chunk by chunk as they are read, recording outcomes as they come; mark the
    import finished (or failed, saying why)."""
    try:
        async for rows in reader.chunks():
            with registry.activity.working():
                outcomes = await judge_chunk(registry, rows, principal)
                await record(registry, import_id, outcomes)
        await finish(registry, import_id, "finished", None)
    except ImportFileError as error:
        failure = f"{excerpt(error.reason, REASON_CHARACTERS)}; the rows read before that were imported, and {AGAIN}"
        await finish(registry, import_id, "failed", failure)
    except Exception as error:  # noqa: BLE001 - the import is marked failed; re-importing the file is safe
        log.exception("import failed", import_id=str(import_id))
        await finish(registry, import_id, "failed", f"{type(error).__name__}: import stopped; {AGAIN}")
    finally:
        reader.close()


async def judge_chunk(registry: Registry, rows: Sequence[ImportResult], principal: Principal) -> list[RowOutcome]:
    """Rejected rows as they are, rows outside the caller's jurisdiction rejected, the rest registered."""
    outcomes: list[RowOutcome] = []
    acceptable: list[ImportRow] = []
    for row in rows:
        if not isinstance(row, ImportRow):
            outcomes.append(RowOutcome(row.row_number, "rejected", reasons=tuple(row.reasons)))
        elif not principal.can_access(row.release.province_code, row.release.commune_code):
            outcomes.append(RowOutcome(row.row_number, "rejected", reasons=(
                f"commune {row.release.commune_code} is outside your jurisdiction",)))
        else:
            acceptable.append(row)
    return outcomes + (await register_chunk(registry, acceptable, principal) if acceptable else [])


async def record(registry: Registry, import_id: uuid.UUID, outcomes: list[RowOutcome]) -> None:
    """Store the outcomes of some rows."""
    reasons = [json.dumps(stored_reasons(o.reasons)) if o.reasons else None for o in outcomes]
    await registry.pool.execute(
        "INSERT INTO import_rows (import_id, row_number, outcome, person_id, reasons) "
        "SELECT $1, * FROM unnest($2::int[], $3::text[], $4::uuid[], $5::jsonb[]) ON CONFLICT DO NOTHING",
        import_id, [o.row_number for o in outcomes], [o.outcome for o in outcomes],
        [o.person_id for o in outcomes], reasons)


def stored_reasons(reasons: tuple[str, ...]) -> list[str]:
    """The row's reasons, each cut to REASON_CHARACTERS, as many as fit in ROW_REASON_CHARACTERS, then how many more
    there were."""
    kept: list[str] = []
    for reason in (excerpt(reason, REASON_CHARACTERS) for reason in reasons):
        if sum(map(len, kept)) + len(reason) > ROW_REASON_CHARACTERS:
            return [*kept, f"and {len(reasons) - len(kept)} more reasons"]
        kept.append(reason)
    return kept


async def finish(registry: Registry, import_id: uuid.UUID, status: str, failure: str | None) -> None:
    """Mark the import done (or failed, saying why); a finished import's total becomes the rows it had (the count
    at upload is an upper bound: blank rows below the header count there)."""
    await registry.pool.execute(
        "UPDATE imports SET status = $2, failure = $3, finished_at = now(), total_rows = CASE WHEN $2 = 'finished' "
        "THEN (SELECT count(*) FROM import_rows WHERE import_id = $1) ELSE total_rows END WHERE import_id = $1",
        import_id, status, failure)
