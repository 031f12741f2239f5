"""Supervision figures: visits and their coverage, risk groups, support given, sponsors, local models and
outreach. Exact for the figure's jurisdiction; by the public rules (hoanhap_stats.figures.disclosure) for everyone else,
sums of money included (see amounts).
Contact compliance and plan areas follow how supervised people are followed up (follow_up_figures.py)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException

from hoanhap_stats.figures.amounts import amount_breakdown, shown_amount, total
from hoanhap_stats.figures.dependencies import Database, Place, Shown, described
from hoanhap_stats.figures.disclosure import rate_of
from hoanhap_stats.figures.measuring_day import measured_on
from hoanhap_stats.figures.own_place import people_breakdowns
from hoanhap_stats.figures.place_tables import published_counts
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.supervision import figures, follow_up_figures, measures

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
async def visits(period: Place, shown: Shown, connection: Database) -> dict[str, Any]:
    """Visits made in the period by kind, and the share of people under supervision in it who were visited."""
    counts = await published_counts(connection, measures.visits, period, shown)
    by_kind = await figures.visits_by_kind(connection, period)
    return described(period, shown, measure="visits and coverage", visits=counts["visits"],
                     by_kind=shown.breakdown(by_kind, counts["visits"]),
                     coverage=rate_of(counts["visited"], counts["supervised"]))


@router.get("/risk-groups")
async def risk_groups(period: Place, shown: Shown, connection: Database) -> dict[str, Any]:
    """People under supervision in the period by their current risk group (the latest assessment)."""
    people = (await published_counts(connection, measures.people_supervised, period, shown))["people"]
    by_group = await figures.people_by_risk_group(connection, period)
    return described(period, shown, measure="people under supervision by current risk group", people=people,
                     by_risk_group=shown.breakdown(by_group, people))


@router.get("/support")
async def support(period: Place, shown: Shown, connection: Database) -> dict[str, Any]:
    """Support given in the period by kind: how often, and the value of the material aid counted (VND)."""
    given = (await published_counts(connection, measures.support_given, period, shown))["given"]
    by_kind = await figures.support_by_kind(connection, period)
    values = {kind: value for kind, (_, value) in by_kind.items()}
    return described(period, shown, measure="support given", given=given,
                     by_kind=shown.breakdown({kind: count for kind, (count, _) in by_kind.items()}, given),
                     value_vnd=shown_amount(shown, total(values)), value_vnd_by_kind=amount_breakdown(shown, values))


@router.get("/sponsors")
async def sponsors(period: Place, shown: Shown, connection: Database) -> dict[str, Any]:
    """Sponsorships taken on in the period, by kind of sponsor, and how many act for a local model; those ended in
    the period and those active (taken on and not ended) at its end."""
    counts = await published_counts(connection, measures.sponsors, period, shown)
    by_kind = await figures.sponsors_by_kind(connection, period)
    return described(period, shown, measure="sponsors assigned", sponsors=counts["sponsors"],
                     by_sponsor_kind=shown.breakdown({kind: count for kind, (count, _) in by_kind.items()},
                                                     counts["sponsors"]),
                     through_local_models=counts["through_local_models"], ended=counts["ended"],
                     active_at_end=counts["active_at_end"])


@router.get("/contact-compliance")
async def contact_compliance(period: Place, shown: Shown, connection: Database) -> dict[str, Any]:
    """The share of people under supervision on the period's last day (Vietnam's today while it runs) whose contacts
    meet the standard: the next contact supervision last set due for them by then is not overdue that day."""
    counts = await published_counts(connection, measures.contact_compliance, period, shown)
    return described(period, shown, measure="contact compliance",
                     measured_on=measured_on(period).isoformat(),
                     complying=counts["complying"], supervised=counts["supervised"],
                     compliance=rate_of(counts["complying"], counts["supervised"]))


@router.get("/plan-areas")
async def plan_areas(period: Place, shown: Shown, connection: Database) -> dict[str, Any]:
    """People under supervision in the period by need area of their reintegration plan: with the area in their plan
    at the period's end, with it met then, and how many areas became met in the period."""
    people = (await published_counts(connection, measures.people_supervised, period, shown))["people"]
    by_area = await follow_up_figures.plan_areas(connection, period)
    cells = {name: {area: counts[at] for area, counts in by_area.items()}
             for at, name in enumerate(("in_plan", "met", "became_met"))}
    return described(period, shown, measure="reintegration plan areas of people under supervision", people=people,
                     **{name: shown.breakdown(area_cells, people) for name, area_cells in cells.items()})


@router.get("/community")
async def community(period: PlaceOnly, shown: Shown, connection: Database) -> dict[str, Any]:
    """Local models launched in the period and in place by its end, by level, and the outreach held in it. These
    count communes' activities, not people, so nothing is withheld (the public still asks for a closed year)."""
    models = await figures.models_by_level(connection, period)
    outreach = await figures.outreach_by_activity(connection, period)
    return described(period, shown, measure="local models and outreach",
                     models_launched={level: launched for level, (launched, _) in models.items()},
                     models_in_place={level: in_place for level, (_, in_place) in models.items()},
                     outreach=outreach)
