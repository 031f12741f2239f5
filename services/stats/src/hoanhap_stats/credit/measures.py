"""Credit's figures as Measures (figures/place_tables.py): the counts each public table is made of."""

from hoanhap.postgres.connections import Connection
from hoanhap_stats.credit import activity as activity_figures
from hoanhap_stats.credit.figures import loan_groups
from hoanhap_stats.credit.portfolio import debt_groups
from hoanhap_stats.figures.selection import Selection


async def loans(connection: Connection, selection: Selection) -> dict[str, int]:
    """Loans applied for in the period."""
    return {"loans": sum(group.loans for group in await loan_groups(connection, selection))}


async def activity(connection: Connection, selection: Selection) -> dict[str, int]:
    """Loans approved, rejected, withdrawn, paid out, repaying, settled and written off in the period."""
    return (await activity_figures.activity(connection, selection)).counts


async def portfolio(connection: Connection, selection: Selection) -> dict[str, int]:
    """Loans outstanding on the period's measuring day, and those of them with principal overdue."""
    groups = (await debt_groups(connection, selection)).values()
    return {"loans_outstanding": sum(group.loans for group in groups),
            "loans_overdue": sum(group.overdue for group in groups)}
