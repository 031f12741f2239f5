"""What a spreadsheet import remembers: each row it recorded, by the fingerprint of its content (the adapters'
table, wired in by app.py)."""

import uuid
from typing import Protocol

from hoanhap.postgres.connections import Connection


class ImportedRows(Protocol):
    """The rows of every import of a province, recorded once each."""

    async def claim(self, connection: Connection, province_code: str, fingerprint: str,
                    record_id: uuid.UUID) -> uuid.UUID | None:
        """Claim the fingerprint for this record in the connection's transaction; the record an earlier import
        recorded it as, if any (a claim made at the same moment is waited for)."""
