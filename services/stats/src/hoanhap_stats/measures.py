"""Each figure's counts as a Measure (place_tables.py): the numbers its public table is made of."""

from functools import cache

from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats import supervision_figures
from hoanhap_stats.credit_figures import loan_groups
from hoanhap_stats.management import period_rate, releases_by_type
from hoanhap_stats.place_tables import Measure
from hoanhap_stats.recidivism import cohort_rate
from hoanhap_stats.selection import Selection


async def released(connection: Connection, selection: Selection) -> dict[str, int]:
    """People released in the period."""
    return {"released": sum((await releases_by_type(connection, selection)).values())}


@cache
def followed_cohort(months: int) -> Measure:
    """The people released in the period, those of them followed `months` by today (Vietnam's day), and those of
    the followed who reoffended within them (one measure per number of months, so recent tables know it again)."""

    async def cohort(connection: Connection, selection: Selection) -> dict[str, int]:
        counts = await cohort_rate(connection, selection, months, vietnam_today())
        return {"reoffended": counts.reoffended, "followed": counts.followed, "released": counts.released}

    return cohort


async def managed_and_reoffences(connection: Connection, selection: Selection) -> dict[str, int]:
    """Reoffences committed in the period and the people under management in it."""
    reoffences, managed = await period_rate(connection, selection)
    return {"reoffences": reoffences, "managed": managed}


async def visits(connection: Connection, selection: Selection) -> dict[str, int]:
    """Visits made in the period, and the supervised people in it: all, and those visited."""
    by_kind = await supervision_figures.visits_by_kind(connection, selection)
    visited, supervised = await supervision_figures.visit_coverage(connection, selection)
    return {"visits": sum(by_kind.values()), "visited": visited, "supervised": supervised}


async def people_supervised(connection: Connection, selection: Selection) -> dict[str, int]:
    """People under supervision in the period."""
    return {"people": sum((await supervision_figures.people_by_risk_group(connection, selection)).values())}


async def support_given(connection: Connection, selection: Selection) -> dict[str, int]:
    """Times support was given in the period."""
    by_kind = await supervision_figures.support_by_kind(connection, selection)
    return {"given": sum(count for count, _ in by_kind.values())}


async def sponsors(connection: Connection, selection: Selection) -> dict[str, int]:
    """Sponsorships taken on in the period, and those acting for a local model."""
    by_kind = await supervision_figures.sponsors_by_kind(connection, selection)
    return {"sponsors": sum(count for count, _ in by_kind.values()),
            "through_local_models": sum(through for _, through in by_kind.values())}


async def loans(connection: Connection, selection: Selection) -> dict[str, int]:
    """Loans applied for in the period."""
    return {"loans": sum(group.loans for group in await loan_groups(connection, selection))}
