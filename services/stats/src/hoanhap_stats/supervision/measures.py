"""Supervision's figures as Measures (figures/place_tables.py): the counts each public table is made of."""

from hoanhap.postgres.connections import Connection
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.supervision import figures, follow_up_figures


async def visits(connection: Connection, selection: Selection) -> dict[str, int]:
    """Visits made in the period, and the supervised people in it: all, and those visited."""
    by_kind = await figures.visits_by_kind(connection, selection)
    visited, supervised = await figures.visit_coverage(connection, selection)
    return {"visits": sum(by_kind.values()), "visited": visited, "supervised": supervised}


async def people_supervised(connection: Connection, selection: Selection) -> dict[str, int]:
    """People under supervision in the period."""
    return {"people": sum((await figures.people_by_risk_group(connection, selection)).values())}


async def support_given(connection: Connection, selection: Selection) -> dict[str, int]:
    """Times support was given in the period."""
    by_kind = await figures.support_by_kind(connection, selection)
    return {"given": sum(count for count, _ in by_kind.values())}


async def sponsors(connection: Connection, selection: Selection) -> dict[str, int]:
    """Sponsorships taken on in the period, those acting for a local model, those ended in it and those in force
    at its end."""
    by_kind = await figures.sponsors_by_kind(connection, selection)
    ended, in_force = await figures.sponsorship_ends(connection, selection)
    return {"sponsors": sum(count for count, _ in by_kind.values()),
            "through_local_models": sum(through for _, through in by_kind.values()),
            "ended": ended, "active_at_end": in_force}


async def contact_compliance(connection: Connection, selection: Selection) -> dict[str, int]:
    """People under supervision on the measuring day: all, and those whose contacts meet the standard."""
    complying, supervised = await follow_up_figures.contact_compliance(connection, selection)
    return {"complying": complying, "supervised": supervised}
