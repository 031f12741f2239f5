"""Reads: a person, search by citizen ID, a commune's list, and overdue residence confirmations."""

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import CurrentPrincipal, ensure_jurisdiction
from hoanhap.contracts import ReleaseType
from hoanhap.contracts.values import INTEGER_COLUMN_MAX, Day
from hoanhap.vietnam_time import vietnam_today
from hoanhap.write_path.versions import etag
from hoanhap_registry.adapters import people_queries as queries
from hoanhap_registry.adapters.views import case_view
from hoanhap_registry.api.registry_state import registry_of
from hoanhap_registry.api.requests import CitizenIdSearch, CommuneCode

router = APIRouter(prefix="/v1", tags=["people"])


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
        rows = await queries.with_citizen_id(connection, registry.digest(body.citizen_id),
                                             principal.jurisdiction.province)
        visible = [row for row in rows if principal.can_access(row["province_code"], row["commune_code"])]
        return await queries.listed(connection, registry.keys, visible)


@router.get("/communes/{commune_code}/people")
async def list_commune(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                       status: Literal["open", "closed", "erased"] | None = None,
                       release_type: ReleaseType | None = None,
                       released_from: Day | None = None, released_to: Day | None = None,
                       limit: Annotated[int, Query(ge=1, le=500)] = 50,
                       offset: Annotated[int, Query(ge=0, le=INTEGER_COLUMN_MAX)] = 0) -> dict[str, Any]:
    """The commune's people, newest releases first, with filters and paging."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    filters = queries.CommuneFilters(status, release_type, released_from, released_to)
    registry = registry_of(request)
    async with registry.pool.acquire() as connection:
        total, rows = await queries.commune_page(connection, principal.jurisdiction.province, commune_code, filters,
                                                 limit, offset)
        return {"total": total, "limit": limit, "offset": offset,
                "people": await queries.listed(connection, registry.keys, rows)}


@router.get("/communes/{commune_code}/overdue-confirmations")
async def overdue_confirmations(commune_code: CommuneCode, request: Request, principal: CurrentPrincipal,
                                today: Day | None = None) -> list[dict[str, Any]]:
    """Open cases whose residence was not confirmed within 3 working days of the notification, the due day
    reckoned with today's calendar as the person's view reckons it (a holiday announced since registration moves
    it)."""
    ensure_jurisdiction(principal, principal.jurisdiction.province, commune_code)
    registry = registry_of(request)
    async with registry.pool.acquire() as connection:
        overdue = await queries.overdue_confirmations(connection, principal.jurisdiction.province, commune_code,
                                                      registry.calendar, today or vietnam_today())
        return await queries.listed(connection, registry.keys, overdue)
