"""Figures: cohort and period recidivism and releases by type, each with its counts; public callers get
small cells withheld, authenticated ones see everything."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from hoanhap.auth import OptionalPrincipal
from hoanhap.contracts import ReleaseType, Sex
from hoanhap.places import official_places
from hoanhap_stats.management import communes_of, period_rate, releases_by_type
from hoanhap_stats.recidivism import cohort_rate
from hoanhap_stats.selection import AGE_BANDS, OFFENCE_GROUPS, Selection
from hoanhap_stats.suppression import Disclosure

router = APIRouter(prefix="/v1", tags=["figures"])


def selection_of(start: Annotated[date, Query(alias="from", description="first day")],
                 end: Annotated[date, Query(alias="to", description="last day, included")],
                 province_code: Annotated[str | None, Query(pattern=r"^[0-9]{2}$")] = None,
                 commune_code: Annotated[str | None, Query(pattern=r"^[0-9]{5}$")] = None,
                 release_type: ReleaseType | None = None, sex: Sex | None = None,
                 age_band: Annotated[str | None, Query(description=f"age at release: {', '.join(AGE_BANDS)}")] = None,
                 offence_group: Annotated[str | None, Query(description=", ".join(OFFENCE_GROUPS))] = None
                 ) -> Selection:
    """The period, place and breakdown a figure is about."""
    if end < start:
        raise HTTPException(422, [{"loc": ["query", "to"], "type": "value_error",
                                   "msg": f"to {end} is before from {start}"}])
    for name, value, allowed in (("age_band", age_band, AGE_BANDS), ("offence_group", offence_group, OFFENCE_GROUPS)):
        if value is not None and value not in allowed:
            raise HTTPException(422, [{"loc": ["query", name], "type": "enum",
                                       "msg": f"{name} must be one of {', '.join(allowed)}"}])
    return Selection(start, end, province_code, commune_code, release_type.value if release_type else None,
                     sex.value if sex else None, age_band, offence_group)


Place = Annotated[Selection, Depends(selection_of)]


def disclosure_for(request: Request, principal: OptionalPrincipal) -> Disclosure:
    """Everything for an authenticated caller; small cells withheld for the public."""
    return Disclosure(request.app.state.suppression_threshold, authenticated=principal is not None)


Shown = Annotated[Disclosure, Depends(disclosure_for)]


def described(period: Selection, **figures: Any) -> dict[str, Any]:
    return {"from": period.start.isoformat(), "to": period.end.isoformat(), "province_code": period.province_code,
            "commune_code": period.commune_code, "release_type": period.release_type, "sex": period.sex,
            "age_band": period.age_band, "offence_group": period.offence_group, **figures}


@router.get("/recidivism/cohort")
async def cohort(request: Request, period: Place, shown: Shown,
                 months: Annotated[int, Query(ge=1, le=120, description="usually 6, 12, 24 or 36")] = 12
                 ) -> dict[str, Any]:
    """Of the people released in the period, the share with a recorded reoffence within `months` of release."""
    async with request.app.state.runtime.pool.acquire() as connection:
        rate = await cohort_rate(connection, period, months)
    return described(period, measure="cohort recidivism", months=months,
                     **shown.rate(rate.numerator, rate.denominator))


@router.get("/recidivism/period")
async def period_recidivism(request: Request, period: Place, shown: Shown) -> dict[str, Any]:
    """Reoffences committed in the period over the people under management in it."""
    async with request.app.state.runtime.pool.acquire() as connection:
        reoffences, managed = await period_rate(connection, period)
    return described(period, measure="period recidivism", **shown.rate(reoffences, managed))


@router.get("/releases")
async def releases(request: Request, period: Place, shown: Shown) -> dict[str, Any]:
    """People released in the period, by release type, with the total."""
    async with request.app.state.runtime.pool.acquire() as connection:
        by_type = await releases_by_type(connection, period)
    return described(period, total=shown.count(sum(by_type.values())), by_release_type=shown.breakdown(by_type))


@router.get("/provinces/{province_code}/communes")
async def communes(request: Request, province_code: Annotated[str, Path(pattern=r"^[0-9]{2}$")],
                   shown: Shown) -> dict[str, Any]:
    """Each commune of the province with the people under management and their reoffences."""
    async with request.app.state.runtime.pool.acquire() as connection:
        rows = await communes_of(connection, province_code)
    places = official_places()
    return {"province_code": province_code, "province_name": places.province_name(province_code), "communes": [
        {"commune_code": row["commune_code"], "name": getattr(places.commune(str(row["commune_code"])), "name", None),
         "people_managed": shown.count(int(row["people_managed"])), "reoffences": shown.count(int(row["reoffences"]))}
        for row in rows]}
