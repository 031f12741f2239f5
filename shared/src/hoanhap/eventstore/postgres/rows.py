"""Reading event rows back into StoredEvent values."""

import json
from uuid import UUID

import asyncpg

from hoanhap.eventstore.events import EventMetadata, StoredEvent
from hoanhap.eventstore.feed_audit import FeedLink

# jsonb is read as text and decoded here, so the store works whatever codecs the caller's pool has set.
EVENT_COLUMNS = (
    "position, stream_id, stream_version, event_id, type, schema_version, "
    "payload::text AS payload, metadata::text AS metadata, recorded_at, hash, global_hash"
)


def stored_event(row: asyncpg.Record) -> StoredEvent:
    """The StoredEvent of one row selected with EVENT_COLUMNS."""
    return StoredEvent(
        position=row["position"], stream_id=row["stream_id"], stream_version=row["stream_version"],
        event_id=UUID(bytes=row["event_id"].bytes), type=row["type"], schema_version=row["schema_version"],
        payload=json.loads(row["payload"]), metadata=EventMetadata.model_validate_json(row["metadata"]),
        recorded_at=row["recorded_at"], hash=row["hash"].hex(), global_hash=row["global_hash"].hex(),
    )


def feed_link(row: asyncpg.Record) -> FeedLink:
    """The FeedLink of one row selected by ``queries.FEED_LINKS_AFTER``."""
    return FeedLink(row["position"], row["stream_id"], row["stream_version"], row["hash"], row["global_hash"])
