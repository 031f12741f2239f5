"""The PostgreSQL store's reading statements."""

from hoanhap.eventstore.postgres.rows import EVENT_COLUMNS

READ_STREAM = f"""
SELECT {EVENT_COLUMNS} FROM events
WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3
ORDER BY stream_version"""

# Gap-safe because appends are serialised until commit (see append_statement): every event with a
# position below a committed one is committed already, or rolled back and gone for good.
READ_ALL_AFTER = f"""
SELECT {EVENT_COLUMNS} FROM events
WHERE position > $1
ORDER BY position
LIMIT $2"""

EVERY_EVENT_BY_STREAM = f"SELECT {EVENT_COLUMNS} FROM events ORDER BY stream_id, stream_version"

# What the global chain needs of each event after a position, without the payloads.
FEED_LINKS_AFTER = """
SELECT position, stream_id, stream_version, hash, global_hash FROM events
WHERE position > $1
ORDER BY position"""

STREAM_VERSION = "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = $1"

LAST_POSITION = "SELECT coalesce(max(position), 0) FROM events"
