"""GET /v1/provinces/{province_code}/communes: the province's table of people under management and reoffences,
the province total with each commune's cell; over a period (for the public: a closed year, suppressed as one table),
or as the running totals now (the province's own jurisdiction only). A period's table lists every official commune,
empty or not, so which communes are listed says nothing the cells withhold."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from hoanhap.auth import OptionalPrincipal
from hoanhap.contracts.values import Day
from hoanhap.places import official_places
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats.figures.dependencies import Database
from hoanhap_stats.figures.disclosure import Disclosure, disclosure_for
from hoanhap_stats.figures.place_tables import shown_tables
from hoanhap_stats.figures.public_rules import problem, public_problems
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.registry import measures
from hoanhap_stats.registry.figures import communes_of

router = APIRouter(prefix="/v1", tags=["figures"])


@router.get("/provinces/{province_code}/communes")
async def communes(request: Request, province_code: Annotated[str, Path(pattern=r"^[0-9]{2}$")],
                   principal: OptionalPrincipal, connection: Database,
                   start: Annotated[Day | None, Query(alias="from", description="first day (public: 1 January)")]
                   = None,
                   end: Annotated[Day | None, Query(alias="to", description="last day (public: 31 December)")] = None
                   ) -> dict[str, Any]:
    """Each commune of the province with its people under management and reoffences, and the province's total."""
    shown = disclosure_for(principal, province_code, None, request.app.state.suppression_threshold,
                           request.app.state.recent_tables)
    if start is None or end is None:
        return await running_totals(connection, province_code, shown)
    period = Selection(start, end, province_code)
    if not shown.exact and (problems := public_problems(period, vietnam_today())):
        raise HTTPException(422, problems)
    tables = await shown_tables(connection, measures.managed_and_reoffences, period, shown)
    managed, reoffences = tables["managed"], tables["reoffences"]
    rows = [(code, managed.cells[code], reoffences.cells[code]) for code in sorted(managed.cells) if code]
    return table(province_code, shown, start, end, (managed.total, reoffences.total), rows)


async def running_totals(connection: Connection, province_code: str, shown: Disclosure) -> dict[str, Any]:
    """The totals now, which change with every event, so only for the province's own jurisdiction."""
    if not shown.exact:
        raise HTTPException(422, [problem(name, "the public sees a closed calendar year: send from and to (e.g. "
                                                f"from={vietnam_today().year - 1}-01-01&to="
                                                f"{vietnam_today().year - 1}-12-31); the province's own token "
                                                "sees the totals now") for name in ("from", "to")])
    rows = [(row["commune_code"], int(row["people_managed"]), int(row["reoffences"]))
            for row in await communes_of(connection, province_code)]
    totals = (sum(row[1] for row in rows), sum(row[2] for row in rows))
    return table(province_code, shown, None, None, totals, sorted(rows))


def table(province_code: str, shown: Disclosure, start: date | None, end: date | None,
          totals: tuple[int | None, int | None], rows: list[tuple[str, int | None, int | None]]) -> dict[str, Any]:
    places = official_places()
    return {"province_code": province_code, "province_name": places.province_name(province_code),
            "from": start and start.isoformat(), "to": end and end.isoformat(), "disclosure": shown.described(),
            "people_managed": totals[0], "reoffences": totals[1], "communes": [
                {"commune_code": code, "name": getattr(places.commune(code), "name", None), "people_managed": managed,
                 "reoffences": reoffences} for code, managed, reoffences in rows]}
