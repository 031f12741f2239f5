"""Reads: a person, search by citizen ID, a commune's list, and overdue residence confirmations."""

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from asyncpg import Record
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal, ensure_jurisdiction
from hoanhap.contracts import ReleaseType
from hoanhap.contracts.values import INTEGER_COLUMN_MAX, Day
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.versions import etag
from hoanhap_registry.adapters.views import case_view, identity_view
from hoanhap_registry.api.registry_state import registry_of
from hoanhap_registry.api.requests import CitizenIdSearch, CommuneCode
from hoanhap_registry.domain.decide import confirm_due_on
from hoanhap_registry.domain.working_days import WorkingCalendar

router = APIRouter(prefix="/v1", tags=["people"])
LIST_COLUMNS = ("person_id, version, sealed_identity, province_code, commune_code, village, birth_year, sex, "
                "release_type, release_date, confirmation_due_on, confirmed_on, intake_done, reoffences, status")


@router.get("/people/{person_id:uuid}", responses={403: {}, 404: {}})  # not /people/search, which is POST
async def read_person(person_id: uuid.UUID, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """The case with its identifiers, for officers of its commune; ETag = its version."""
    registry = registry_of(request)
    async with registry.pool.acquire() as connection:
        case, version = await registry.case_for(connection, person_id, principal)
        key = await registry.keys.fetch(connection, person_id)
    view = case_view(person_id, case, version, key, registry.calendar, vietnam_today())
    return JSONResponse(view, headers={"ETag": etag(version)})


@router.post("/people/search", tags=["people"])
async def search_by_citizen_id(body: CitizenIdSearch, request: Request,
                               principal: CurrentPrincipal) -> list[dict[str, Any]]:
    """People with this citizen ID inside your jurisdiction (POST so the number never sits in a URL or log)."""
    registry = registry_of(request)
    async with registry.pool.acquire() as connection:
        rows = await connection.fetch(f"SELECT {LIST_COLUMNS} FROM people WHERE national_id_digest = $1 "
                                      "AND province_code = $2", registry.digest(body.citizen_id),
                                      principal.jurisdiction.province)
        visible = [row for row in rows if principal.can_access(row["province_code"], row["commune_code"])]
        return await _with_identities(registry, connection, visible)


@router.get("/communes/{commune_code}/people")
async def list_commune(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                       status: Literal["open", "closed", "erased"] | None = None,
                       release_type: ReleaseType | None = None,
                       released_from: Day | None = None, released_to: Day | None = None,
                       limit: Annotated[int, Query(ge=1, le=500)] = 50,
                       offset: Annotated[int, Query(ge=0, le=INTEGER_COLUMN_MAX)] = 0) -> dict[str, Any]:
    """The commune's people, newest releases first, with filters and paging."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    filters = ["province_code = $1", "commune_code = $2"]
    values: list[Any] = [principal.jurisdiction.province, commune_code]
    for column, operator, value in (("status", "=", status), ("release_type", "=", release_type),
                                    ("release_date", ">=", released_from), ("release_date", "<=", released_to)):
        if value is not None:
            values.append(value)
            filters.append(f"{column} {operator} ${len(values)}")
    where = " AND ".join(filters)
    registry = registry_of(request)
    async with registry.pool.acquire() as connection:
        total = await connection.fetchval(f"SELECT count(*) FROM people WHERE {where}", *values)
        rows = await connection.fetch(f"SELECT {LIST_COLUMNS} FROM people WHERE {where} "
                                      f"ORDER BY release_date DESC, person_id LIMIT {limit} OFFSET {offset}", *values)
        return {"total": total, "limit": limit, "offset": offset,
                "people": await _with_identities(registry, connection, rows)}


@router.get("/communes/{commune_code}/overdue-confirmations")
async def overdue_confirmations(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                                today: Day | None = None) -> list[dict[str, Any]]:
    """Open cases whose residence was not confirmed within 3 working days of the notification, the due day
    reckoned with today's calendar as the person's view reckons it (a holiday announced since registration moves
    it)."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    registry = registry_of(request)
    async with registry.pool.acquire() as connection:
        rows = await connection.fetch(
            f"SELECT {LIST_COLUMNS}, notified_on FROM people WHERE province_code = $1 AND commune_code = $2 "
            "AND status = 'open' AND confirmed_on IS NULL AND notified_on < $3",
            principal.jurisdiction.province, commune_code, today or vietnam_today())
        overdue = overdue_among(rows, registry.calendar, today or vietnam_today())
        return await _with_identities(registry, connection, overdue)


def overdue_among(rows: list[Record], calendar: WorkingCalendar, today: date) -> list[dict[str, Any]]:
    """The rows whose due day, reckoned now, is before today, earliest due first, each with that due day."""
    reckoned = [{**dict(row), "confirmation_due_on": confirm_due_on(row["notified_on"], calendar)} for row in rows]
    overdue = [row for row in reckoned if row["confirmation_due_on"] < today]
    return [{name: value for name, value in row.items() if name != "notified_on"}
            for row in sorted(overdue, key=lambda row: (row["confirmation_due_on"], row["person_id"]))]


async def _with_identities(registry, connection, rows) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    keys = await registry.keys.fetch_many(connection, [row["person_id"] for row in rows])
    listed = []
    for row in rows:
        item = {name: value for name, value in dict(row).items() if name != "sealed_identity"}
        item["identity"] = identity_view(row["sealed_identity"], keys.get(row["person_id"]), row["person_id"])
        listed.append(jsonable(item))
    return listed


def jsonable(item: dict[str, Any]) -> dict[str, Any]:
    """Dates and ids as text."""
    return {name: value.isoformat() if isinstance(value, date) else str(value) if isinstance(value, uuid.UUID)
            else value for name, value in item.items()}


