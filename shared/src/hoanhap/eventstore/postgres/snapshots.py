"""Keeping and loading snapshots in PostgreSQL."""

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from hoanhap.eventstore import read_arguments
from hoanhap.eventstore.canonical import canonical_document
from hoanhap.eventstore.errors import SnapshotAheadOfStream
from hoanhap.eventstore.events import Snapshot
from hoanhap.eventstore.pending import check_stream_id
from hoanhap.eventstore.postgres.snapshot_statements import LOAD_SNAPSHOT, SAVE_SNAPSHOT
from hoanhap.postgres.connections import Connection


async def save_snapshot(connection: Connection, stream_id: str, stream_version: int, state: Mapping[str, Any],
                        taken_at: datetime) -> None:
    """Keep state as of stream_version unless a newer snapshot is kept; SnapshotAheadOfStream if too new."""
    check_stream_id(stream_id)
    read_arguments.snapshot_version(stream_id, stream_version)
    _, state_json = canonical_document(state, f"snapshot state of stream {stream_id!r}")
    current = await connection.fetchval(SAVE_SNAPSHOT, stream_id, stream_version, state_json, taken_at)
    if current < stream_version:
        raise SnapshotAheadOfStream(stream_id, stream_version, current)


async def load_snapshot(connection: Connection, stream_id: str) -> Snapshot | None:
    """The newest snapshot kept for the stream, or None."""
    row = await connection.fetchrow(LOAD_SNAPSHOT, stream_id)
    if row is None:
        return None
    return Snapshot(row["stream_id"], row["stream_version"], json.loads(row["state"]), row["taken_at"])
