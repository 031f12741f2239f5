"""The relay's stored position: written only after the broker acknowledged everything up to it."""

from hoanhap.postgres.connections import Connection


async def load_position(connection: Connection, relay: str) -> int:
    """The last acknowledged position, 0 when the relay never published."""
    position = await connection.fetchval("SELECT position FROM relay_positions WHERE relay = $1", relay)
    return int(position or 0)


async def save_position(connection: Connection, relay: str, position: int) -> None:
    """Record the last acknowledged position."""
    await connection.execute(
        "INSERT INTO relay_positions (relay, position) VALUES ($1, $2) "
        "ON CONFLICT (relay) DO UPDATE SET position = EXCLUDED.position, updated_at = now()", relay, position)
