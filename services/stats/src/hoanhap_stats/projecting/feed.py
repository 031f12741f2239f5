"""The live feed: each projected change to a commune figure, with its new value, in projection order.

Readers page by id (``id > last seen``), so ids must become visible in order: every topic's projection writes
feed rows, and a transaction that took lower ids but committed after a reader passed them would be skipped
for good. Writers therefore hold FEED_LOCK from their feed insert to their commit, which is the projection
transaction's last step, so the wait is short.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from hoanhap.postgres.advisory_locks import advisory_lock_key
from hoanhap.postgres.connections import Connection

FEED_CHANNEL = "stats_feed"
FEED_LOCK = advisory_lock_key("hoanhap.stats.feed-order")


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A commune figure's new value."""

    figure: str
    province_code: str
    commune_code: str
    value: int


async def record_changes(connection: Connection, changes: Sequence[FigureChange]) -> None:
    """Append the changes to the feed in order and wake its readers when the transaction commits."""
    if not changes:
        return
    await connection.execute("SELECT pg_advisory_xact_lock($1)", FEED_LOCK)
    await connection.execute(
        "INSERT INTO feed (figure, province_code, commune_code, value) "
        "SELECT c.figure, c.province, c.commune, c.value FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) "
        "WITH ORDINALITY AS c (figure, province, commune, value, n) ORDER BY c.n",
        [change.figure for change in changes], [change.province_code for change in changes],
        [change.commune_code for change in changes], [change.value for change in changes])
    await connection.execute("SELECT pg_notify($1, '')", FEED_CHANNEL)
