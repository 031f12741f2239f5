"""Credit's figures as Measures (figures/place_tables.py): the counts each public table is made of."""

from hoanhap.postgres.connections import Connection
from hoanhap_stats.credit.figures import loan_groups
from hoanhap_stats.figures.selection import Selection


async def loans(connection: Connection, selection: Selection) -> dict[str, int]:
    """Loans applied for in the period."""
    return {"loans": sum(group.loans for group in await loan_groups(connection, selection))}
