"""The registry's figures as Measures (figures/place_tables.py): the counts each public table is made of."""

from functools import cache

from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats.figures.place_tables import Measure
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.registry.cohort import cohort_rate
from hoanhap_stats.registry.figures import period_rate, releases_by_type


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
