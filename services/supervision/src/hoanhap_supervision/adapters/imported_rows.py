"""The imported_rows table: the fingerprint of every row a spreadsheet import recorded, and the record it made,
claimed in the transaction that records it (so a row refused, whose transaction rolls back, is not claimed)."""

import uuid

from hoanhap.postgres.connections import Connection

CLAIM = """
INSERT INTO imported_rows (province_code, fingerprint, record_id) VALUES ($1, $2, $3)
ON CONFLICT (province_code, fingerprint) DO NOTHING RETURNING record_id
"""
EARLIER = "SELECT record_id FROM imported_rows WHERE province_code = $1 AND fingerprint = $2"


class PostgresImportedRows:
    """ImportedRows over supervision's PostgreSQL."""

    async def claim(self, connection: Connection, province_code: str, fingerprint: str,
                    record_id: uuid.UUID) -> uuid.UUID | None:
        """Claim the fingerprint; the record it was claimed for before, if it was (an insert racing this one is
        waited for by the unique index, then seen)."""
        if await connection.fetchval(CLAIM, province_code, fingerprint, record_id) is not None:
            return None
        earlier: uuid.UUID = await connection.fetchval(EARLIER, province_code, fingerprint)
        return earlier
