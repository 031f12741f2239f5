"""Tamper evidence: two hash chains through every event, one per stream and one through the whole store.

Stream chain: hash(v1) = sha256(content(v1)); hash(vN) = sha256(hash(vN-1) || content(vN)), with raw 32-byte
digests and the canonical content bytes of ``canonical.event_content``. It lets one stream (a case history) be
checked on its own.

Global chain: global(e) = sha256(global(the event before e in position order) || hash(e)), from GENESIS. It
covers each event's content through its stream hash, and the order and completeness of the whole feed: deleting
a stream, a stream's newest events, or rewriting a stream with recomputed stream hashes breaks it at the next
event. Only truncating the store's newest events (or recomputing every global hash after a change) leaves it
consistent; signed checkpoints (``hoanhap.eventstore.audit``) anchor it outside the database against that.

PostgreSQL computes both in SQL when appending (``postgres.append_statement``); verification recomputes them
here for both stores.
"""

from hashlib import sha256

from hoanhap.eventstore.canonical import canonical_json, event_content, metadata_json
from hoanhap.eventstore.events import StoredEvent
from hoanhap.eventstore.json_normal_form import normalised

GENESIS = b""


def chained_hash(previous_hash: bytes, content: bytes) -> bytes:
    """The digest of an event whose predecessor's digest is previous_hash (GENESIS for version 1)."""
    return sha256(previous_hash + content).digest()


def feed_hash(previous_global_hash: bytes, stream_hash: bytes) -> bytes:
    """The global digest of an event whose stream digest is stream_hash, after the store's previous event."""
    return sha256(previous_global_hash + stream_hash).digest()


def content_of(event: StoredEvent) -> bytes:
    """The canonical content bytes of a stored event, recomputed from its fields."""
    return event_content(
        event.stream_id, event.stream_version, event.event_id, event.type, event.schema_version,
        canonical_json(normalised(event.payload)), metadata_json(event.metadata), event.recorded_at,
    )

