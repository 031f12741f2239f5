"""Supervision figures: visits and their coverage, risk groups, support given, sponsors, local models and
outreach. Public callers get small cells withheld (sums of money too, see amounts); authenticated ones see all."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request

from hoanhap_stats import supervision_figures as figures
from hoanhap_stats.amounts import amount_breakdown, shown_amount, total
from hoanhap_stats.api.figures import Place, Shown, described
from hoanhap_stats.figure_filters import people_breakdowns
from hoanhap_stats.selection import Selection

router = APIRouter(prefix="/v1/supervision", tags=["supervision"])


def place_only(period: Place) -> Selection:
    """The period and place of a figure about no person; a breakdown of people is refused, naming it."""
    for name, value in people_breakdowns(period).items():
        if value is not None:
            raise HTTPException(422, [{"loc": ["query", name], "type": "value_error",
                                       "msg": f"{name} does not apply to local models and outreach, which are "
                                              "about communes, not people"}])
    return period


PlaceOnly = Annotated[Selection, Depends(place_only)]


@router.get("/visits")
async def visits(request: Request, period: Place, shown: Shown) -> dict[str, Any]:
    """Visits made in the period by kind, and the share of people under supervision in it who were visited."""
    async with request.app.state.runtime.pool.acquire() as connection:
        by_kind = await figures.visits_by_kind(connection, period)
        visited, supervised = await figures.visit_coverage(connection, period)
    return described(period, measure="visits and coverage", visits=shown.count(sum(by_kind.values())),
                     by_kind=shown.breakdown(by_kind), coverage=shown.rate(visited, supervised))


@router.get("/risk-groups")
async def risk_groups(request: Request, period: Place, shown: Shown) -> dict[str, Any]:
    """People under supervision in the period by their current risk group (the latest assessment)."""
    async with request.app.state.runtime.pool.acquire() as connection:
        by_group = await figures.people_by_risk_group(connection, period)
    return described(period, measure="people under supervision by current risk group",
                     people=shown.count(sum(by_group.values())), by_risk_group=shown.breakdown(by_group))


@router.get("/support")
async def support(request: Request, period: Place, shown: Shown) -> dict[str, Any]:
    """Support given in the period by kind: how often, and the value of the material aid counted (VND)."""
    async with request.app.state.runtime.pool.acquire() as connection:
        by_kind = await figures.support_by_kind(connection, period)
    given = {kind: count for kind, (count, _) in by_kind.items()}
    values = {kind: value for kind, (_, value) in by_kind.items()}
    return described(period, measure="support given", given=shown.count(sum(given.values())),
                     by_kind=shown.breakdown(given), value_vnd=shown_amount(shown, total(values)),
                     value_vnd_by_kind=amount_breakdown(shown, values))


@router.get("/sponsors")
async def sponsors(request: Request, period: Place, shown: Shown) -> dict[str, Any]:
    """Sponsorships taken on in the period, by kind of sponsor, and how many act for a local model."""
    async with request.app.state.runtime.pool.acquire() as connection:
        by_kind = await figures.sponsors_by_kind(connection, period)
    counts = {kind: count for kind, (count, _) in by_kind.items()}
    return described(period, measure="sponsors assigned", sponsors=shown.count(sum(counts.values())),
                     by_sponsor_kind=shown.breakdown(counts),
                     through_local_models=shown.count(sum(through for _, through in by_kind.values())))


@router.get("/community")
async def community(request: Request, period: PlaceOnly) -> dict[str, Any]:
    """Local models launched in the period and in place by its end, by level, and the outreach held in it. These
    count communes' activities, not people, so nothing is withheld."""
    async with request.app.state.runtime.pool.acquire() as connection:
        models = await figures.models_by_level(connection, period)
        outreach = await figures.outreach_by_activity(connection, period)
    return described(period, measure="local models and outreach",
                     models_launched={level: launched for level, (launched, _) in models.items()},
                     models_in_place={level: in_place for level, (_, in_place) in models.items()},
                     outreach=outreach)
