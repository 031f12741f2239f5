"""The live feed's changes: after an event is projected, the new value of each commune figure it touched."""

from hoanhap.eventstore.connections import Connection

FEED_CHANNEL = "stats_feed"
FIGURES = {
    "people_managed": "SELECT count(*) FROM releases WHERE province_code = $1 AND commune_code = $2 "
                      "AND closed_on IS NULL",
    "reoffences": "SELECT count(*) FROM reoffences o JOIN releases r USING (person_id) "
                  "WHERE r.province_code = $1 AND r.commune_code = $2",
}


async def record_change(connection: Connection, figure: str, province_code: str, commune_code: str) -> None:
    """Append the figure's new value for the commune to the feed (inside the projection's transaction)."""
    await connection.execute(
        f"INSERT INTO feed (figure, province_code, commune_code, value) SELECT $3, $1, $2, ({FIGURES[figure]})",
        province_code, commune_code, figure)


async def announce(connection: Connection) -> None:
    """Wake the feed's readers when the transaction commits."""
    await connection.execute("SELECT pg_notify($1, '')", FEED_CHANNEL)
