"""Tamper evidence: each event's hash covers its content and the hash of the event before it in its stream.

hash(v1) = sha256(content(v1)); hash(vN) = sha256(hash(vN-1) || content(vN)), with raw 32-byte digests and
the canonical content bytes of ``canonical.event_content``. PostgreSQL computes the same chain in SQL when
appending (``postgres.append_statement``); verification recomputes it here for both stores.
"""

from hashlib import sha256

from hoanhap.eventstore.canonical import canonical_json, event_content, metadata_json
from hoanhap.eventstore.events import StoredEvent
from hoanhap.eventstore.json_normal_form import normalised

GENESIS = b""


def chained_hash(previous_hash: bytes, content: bytes) -> bytes:
    """The digest of an event whose predecessor's digest is previous_hash (GENESIS for version 1)."""
    return sha256(previous_hash + content).digest()


def content_of(event: StoredEvent) -> bytes:
    """The canonical content bytes of a stored event, recomputed from its fields."""
    return event_content(
        event.stream_id, event.stream_version, event.event_id, event.type, event.schema_version,
        canonical_json(normalised(event.payload)), metadata_json(event.metadata), event.recorded_at,
    )

