"""The history_reads table: who read whose case history, and as of when (reading a history is itself recorded)."""

import uuid
from datetime import datetime

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection


async def record_history_read(connection: Connection, person_id: uuid.UUID, principal: Principal,
                              as_of: datetime | None) -> None:
    """Write down the read, in the reader's transaction."""
    await connection.execute("INSERT INTO history_reads (person_id, reader, agency, as_of) VALUES ($1, $2, $3, $4)",
                             person_id, principal.sub, principal.agency.value, as_of)
