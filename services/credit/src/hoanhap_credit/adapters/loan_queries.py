"""Reads over the loans table: a borrower's or a business's loans."""

import uuid

from hoanhap.postgres.connections import Connection

LOANS_OF = ("SELECT loan_id FROM loans WHERE borrower_id = $1 OR business_id = $1 "
            "ORDER BY applied_on, loan_id LIMIT $2")
MOST_LISTED = 1000


async def loan_ids_of(connection: Connection, holder_id: uuid.UUID) -> list[uuid.UUID]:
    """The holder's loans, oldest application first (at most MOST_LISTED)."""
    return [row["loan_id"] for row in await connection.fetch(LOANS_OF, holder_id, MOST_LISTED)]
