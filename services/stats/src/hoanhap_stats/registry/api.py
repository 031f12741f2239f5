"""The registry's figures over HTTP: cohort and period recidivism and releases by type, each with its counts; exact
for the figure's jurisdiction, by the public rules for everyone else (hoanhap_stats.figures.disclosure)."""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats.figures.dependencies import Database, Place, Shown, described
from hoanhap_stats.figures.disclosure import rate_of
from hoanhap_stats.figures.place_tables import published_counts
from hoanhap_stats.figures.public_rules import cohort_problems, follow_up_complete_on
from hoanhap_stats.registry import measures
from hoanhap_stats.registry.figures import releases_by_type

router = APIRouter(prefix="/v1", tags=["figures"])


@router.get("/recidivism/cohort")
async def cohort(period: Place, shown: Shown, connection: Database,
                 months: Annotated[int, Query(ge=1, le=120, description="usually 6, 12, 24 or 36; public: 12")] = 12
                 ) -> dict[str, Any]:
    """Of the people released in the period (placed where they were released) and followed for `months` by today,
    the share with a recorded reoffence within `months` of release; `awaiting_follow_up` counts those left out
    because their `months` are not over yet. Publicly, only the cohort's size is shown until its follow-up is
    complete."""
    if not shown.exact and (problems := cohort_problems(months)):
        raise HTTPException(422, problems)
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
async def period_recidivism(period: Place, shown: Shown, connection: Database) -> dict[str, Any]:
    """Reoffences committed in the period over the people under management in it."""
    counts = await published_counts(connection, measures.managed_and_reoffences, period, shown)
    return described(period, shown, measure="period recidivism", **rate_of(counts["reoffences"], counts["managed"]))


@router.get("/releases")
async def releases(period: Place, shown: Shown, connection: Database) -> dict[str, Any]:
    """People released in the period, by release type, with the total."""
    total = (await published_counts(connection, measures.released, period, shown))["released"]
    by_type = await releases_by_type(connection, period)
    return described(period, shown, total=total, by_release_type=shown.breakdown(by_type, total))
