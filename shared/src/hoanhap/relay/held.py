"""Events a relay holds back: one it could not map to its integration message, and every later event of the same
stream, so a person's events never reach Kafka out of order while everyone else's keep flowing.

A held event waits until an operator asks to retry its stream (after a fix: the relay maps and publishes the
held events in order) or sets the bad event aside (it is never published; the rest of its stream is). Each
outcome is recorded with who settled it and when. `python -m hoanhap.relay.held_cli` is the operator's command.
"""

from dataclasses import dataclass

from hoanhap.excerpts import excerpt
from hoanhap.postgres.connections import Connection

REASON_LIMIT = 500
WAITING = "an earlier event of its stream is held"


@dataclass(frozen=True)
class HeldEvent:
    """An event not published, and why."""

    position: int
    stream_id: str
    event_type: str
    reason: str


async def held_streams(connection: Connection, relay: str) -> set[str]:
    """The streams whose events this relay holds back for now."""
    rows = await connection.fetch("SELECT DISTINCT stream_id FROM relay_held WHERE relay = $1 AND outcome IS NULL",
                                  relay)
    return {row["stream_id"] for row in rows}


async def hold(connection: Connection, relay: str, events: list[HeldEvent]) -> None:
    """Record events held back (once: a batch read again after a crash holds them again harmlessly)."""
    await connection.executemany(
        "INSERT INTO relay_held (relay, position, stream_id, event_type, reason) VALUES ($1, $2, $3, $4, $5) "
        "ON CONFLICT (relay, position) DO NOTHING",
        [(relay, e.position, e.stream_id, e.event_type, excerpt(e.reason, REASON_LIMIT)) for e in events])


async def unsettled(connection: Connection, relay: str, limit: int = 100) -> list[HeldEvent]:
    """The events still held, oldest first."""
    rows = await connection.fetch(
        "SELECT position, stream_id, event_type, reason FROM relay_held WHERE relay = $1 AND outcome IS NULL "
        "ORDER BY position LIMIT $2", relay, limit)
    return [HeldEvent(row["position"], row["stream_id"], row["event_type"], row["reason"]) for row in rows]


async def retries_requested(connection: Connection, relay: str) -> list[HeldEvent]:
    """Held events an operator asked to publish again, in position order."""
    rows = await connection.fetch(
        "SELECT position, stream_id, event_type, reason FROM relay_held "
        "WHERE relay = $1 AND outcome IS NULL AND retry_requested ORDER BY position", relay)
    return [HeldEvent(row["position"], row["stream_id"], row["event_type"], row["reason"]) for row in rows]


async def mark_published(connection: Connection, relay: str, positions: list[int]) -> None:
    """The broker has these held events now."""
    await connection.execute(
        "UPDATE relay_held SET outcome = 'published', settled_at = now(), settled_by = 'relay' "
        "WHERE relay = $1 AND position = ANY($2::bigint[])", relay, positions)


async def hold_again(connection: Connection, relay: str, failed: HeldEvent) -> None:
    """A retried event still cannot be mapped: its stream waits again, with the new reason."""
    await connection.execute(
        "UPDATE relay_held SET retry_requested = false, "
        "reason = CASE WHEN position = $3 THEN $4 ELSE reason END "
        "WHERE relay = $1 AND stream_id = $2 AND outcome IS NULL", relay, failed.stream_id, failed.position,
        excerpt(failed.reason, REASON_LIMIT))


async def request_retry(connection: Connection, relay: str, position: int) -> int:
    """Ask the relay to publish the held events of the stream of the event at this position; how many."""
    return _count(await connection.execute(
        "UPDATE relay_held SET retry_requested = true WHERE relay = $1 AND outcome IS NULL AND stream_id = "
        "(SELECT stream_id FROM relay_held WHERE relay = $1 AND position = $2)", relay, position))


async def set_aside(connection: Connection, relay: str, position: int, by: str) -> int:
    """Never publish the held event at this position; publish the rest of its stream. How many events that
    releases (0 when no unsettled event is held there)."""
    async with connection.transaction():
        stream_id = await connection.fetchval(
            "UPDATE relay_held SET outcome = 'set_aside', settled_at = now(), settled_by = $3 "
            "WHERE relay = $1 AND position = $2 AND outcome IS NULL RETURNING stream_id", relay, position, by)
        if stream_id is None:
            return 0
        return 1 + _count(await connection.execute(
            "UPDATE relay_held SET retry_requested = true WHERE relay = $1 AND stream_id = $2 AND outcome IS NULL",
            relay, stream_id))


def _count(status: str) -> int:
    """The row count of a command status such as 'UPDATE 3'."""
    return int(status.rsplit(" ", 1)[-1])
