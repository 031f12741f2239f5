"""Counts over the read models: releases by type, people under management, and the period recidivism rate."""

from typing import Any

from hoanhap.eventstore.connections import Connection
from hoanhap_stats.selection import CONDITIONS, Selection


async def releases_by_type(connection: Connection, period: Selection) -> dict[str, int]:
    """People released in the period, by release type."""
    rows = await connection.fetch(
        f"SELECT release_type, count(*) AS released FROM releases r WHERE release_date BETWEEN $1 AND $2 "
        f"AND {CONDITIONS} GROUP BY release_type ORDER BY release_type", *period.arguments())
    return {row["release_type"]: row["released"] for row in rows}


async def period_rate(connection: Connection, period: Selection) -> tuple[int, int]:
    """(reoffences committed in the period, people under management in it: released by its end and not closed
    before its start)."""
    row = await connection.fetchrow(
        f"""SELECT
              (SELECT count(*) FROM reoffences o JOIN releases r USING (person_id)
                WHERE o.committed_on BETWEEN $1 AND $2 AND {CONDITIONS}) AS reoffences,
              (SELECT count(*) FROM releases r WHERE r.release_date <= $2
                AND (r.closed_on IS NULL OR r.closed_on >= $1) AND {CONDITIONS}) AS managed""", *period.arguments())
    return row["reoffences"], row["managed"]


async def communes_of(connection: Connection, province_code: str) -> list[dict[str, Any]]:
    """Per commune of the province: people under management now and reoffences recorded, largest first."""
    rows = await connection.fetch(
        """SELECT r.commune_code,
                  count(*) FILTER (WHERE r.closed_on IS NULL) AS people_managed,
                  coalesce(sum((SELECT count(*) FROM reoffences o WHERE o.person_id = r.person_id)), 0) AS reoffences
           FROM releases r WHERE r.province_code = $1 GROUP BY r.commune_code
           ORDER BY people_managed DESC, r.commune_code""", province_code)
    return [dict(row) for row in rows]
