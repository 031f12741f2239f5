"""The PostgreSQL store's snapshot statements."""

# Keeps the snapshot only when its version exists in the stream, and never over a newer one;
# returns the stream's current version so a refusal can say why.
SAVE_SNAPSHOT = """
WITH head AS (SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1),
saved AS (
    INSERT INTO snapshots AS kept (stream_id, stream_version, state, taken_at)
    SELECT $1, $2, $3::text::jsonb, $4 FROM head WHERE head.version >= $2
    ON CONFLICT (stream_id) DO UPDATE
        SET stream_version = excluded.stream_version, state = excluded.state, taken_at = excluded.taken_at
        WHERE kept.stream_version <= excluded.stream_version
)
SELECT version FROM head"""

LOAD_SNAPSHOT = """
SELECT stream_id, stream_version, state::text AS state, taken_at FROM snapshots WHERE stream_id = $1"""
