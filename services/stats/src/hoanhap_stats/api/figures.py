"""Figures: cohort and period recidivism and releases by type, each with its counts; exact for the figure's
jurisdiction, by the public rules for everyone else (hoanhap_stats.disclosure)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from hoanhap.auth import OptionalPrincipal
from hoanhap.contracts import ReleaseType, Sex
from hoanhap.contracts.values import Day
from hoanhap.places import official_places
from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats import measures
from hoanhap_stats.disclosure import Disclosure, disclosure_for, rate_of
from hoanhap_stats.management import releases_by_type
from hoanhap_stats.place_tables import published_counts
from hoanhap_stats.public_rules import cohort_problems, follow_up_complete_on, public_problems
from hoanhap_stats.selection import AGE_BANDS, OFFENCE_GROUPS, Selection

router = APIRouter(prefix="/v1", tags=["figures"])


def selection_of(start: Annotated[Day, Query(alias="from", description="first day")],
                 end: Annotated[Day, Query(alias="to", description="last day, included")],
                 province_code: Annotated[str | None, Query(pattern=r"^[0-9]{2}$")] = None,
                 commune_code: Annotated[str | None, Query(pattern=r"^[0-9]{5}$",
                                                           description="its province is implied")] = None,
                 release_type: ReleaseType | None = None, sex: Sex | None = None,
                 age_band: Annotated[str | None, Query(description="age at release, in whole years",
                                                       json_schema_extra={"enum": list(AGE_BANDS)})] = None,
                 offence_group: Annotated[str | None, Query(description="a group of Penal Code articles",
                                                            json_schema_extra={"enum": list(OFFENCE_GROUPS)})] = None
                 ) -> Selection:
    """The period, place and breakdown a figure is about."""
    if end < start:
        raise refused("to", f"to {end} is before from {start}")
    for name, value, allowed in (("age_band", age_band, AGE_BANDS), ("offence_group", offence_group, OFFENCE_GROUPS)):
        if value is not None and value not in allowed:
            raise refused(name, f"{name} must be one of {', '.join(allowed)}", "enum")
    return Selection(start, end, province_of(province_code, commune_code), commune_code,
                     release_type.value if release_type else None, sex.value if sex else None, age_band,
                     offence_group)


def province_of(province_code: str | None, commune_code: str | None) -> str | None:
    """The province asked for, or the one an official commune lies in; a commune of another province is refused."""
    commune = official_places().commune(commune_code) if commune_code else None
    if commune is None:
        return province_code
    if province_code is not None and (mismatch := official_places().province_mismatch(commune.code, province_code)):
        raise refused("commune_code", mismatch)
    return commune.province_code


def refused(name: str, message: str, kind: str = "value_error") -> HTTPException:
    return HTTPException(422, [{"loc": ["query", name], "type": kind, "msg": message}])


Place = Annotated[Selection, Depends(selection_of)]


def disclosure_of(request: Request, period: Place, principal: OptionalPrincipal) -> Disclosure:
    """Exact for the figure's jurisdiction; the public rules, refusing what they do not offer, for anyone else."""
    shown = disclosure_for(principal, period.province_code, period.commune_code,
                           request.app.state.suppression_threshold, request.app.state.recent_tables)
    if not shown.exact and (problems := public_problems(period, vietnam_today())):
        raise HTTPException(422, problems)
    return shown


Shown = Annotated[Disclosure, Depends(disclosure_of)]


def described(period: Selection, shown: Disclosure, **figures: Any) -> dict[str, Any]:
    return {"from": period.start.isoformat(), "to": period.end.isoformat(), "province_code": period.province_code,
            "commune_code": period.commune_code, "release_type": period.release_type, "sex": period.sex,
            "age_band": period.age_band, "offence_group": period.offence_group, "disclosure": shown.described(),
            **figures}


@router.get("/recidivism/cohort")
async def cohort(request: Request, period: Place, shown: Shown,
                 months: Annotated[int, Query(ge=1, le=120, description="usually 6, 12, 24 or 36; public: 12")] = 12
                 ) -> dict[str, Any]:
    """Of the people released in the period (placed where they were released) and followed for `months` by today,
    the share with a recorded reoffence within `months` of release; `awaiting_follow_up` counts those left out
    because their `months` are not over yet. Publicly, only the cohort's size is shown until its follow-up is
    complete."""
    if not shown.exact and (problems := cohort_problems(months)):
        raise HTTPException(422, problems)
    async with request.app.state.runtime.pool.acquire() as connection:
        counts = await published_counts(connection, measures.followed_cohort(months), period, shown)
    complete_on = None if shown.exact else follow_up_complete_on(period.start.year)
    if complete_on is not None and vietnam_today() < complete_on:
        # figures still rising would tell each new reoffence, and each day's releases as their follow-up ends
        counts["reoffended"] = counts["followed"] = None
    return described(period, shown, measure="cohort recidivism", months=months,
                     follow_up_complete_on=complete_on and complete_on.isoformat(), released=counts["released"],
                     awaiting_follow_up=awaiting(counts["released"], counts["followed"]),
                     **rate_of(counts["reoffended"], counts["followed"]))


def awaiting(released: int | None, followed: int | None) -> int | None:
    """People released but not yet followed for the whole months, when both counts are shown."""
    return None if released is None or followed is None else released - followed


@router.get("/recidivism/period")
async def period_recidivism(request: Request, period: Place, shown: Shown) -> dict[str, Any]:
    """Reoffences committed in the period over the people under management in it."""
    async with request.app.state.runtime.pool.acquire() as connection:
        counts = await published_counts(connection, measures.managed_and_reoffences, period, shown)
    return described(period, shown, measure="period recidivism", **rate_of(counts["reoffences"], counts["managed"]))


@router.get("/releases")
async def releases(request: Request, period: Place, shown: Shown) -> dict[str, Any]:
    """People released in the period, by release type, with the total."""
    async with request.app.state.runtime.pool.acquire() as connection:
        total = (await published_counts(connection, measures.released, period, shown))["released"]
        by_type = await releases_by_type(connection, period)
    return described(period, shown, total=total, by_release_type=shown.breakdown(by_type, total))
