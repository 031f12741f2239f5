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
    """Per commune of the province: people under management now and reoffences recorded, largest first (from the
    running totals the projection keeps)."""
    rows = await connection.fetch(
        """SELECT commune_code,
                  coalesce(sum(value) FILTER (WHERE figure = 'people_managed'), 0) AS people_managed,
                  coalesce(sum(value) FILTER (WHERE figure = 'reoffences'), 0) AS reoffences
           FROM commune_totals WHERE province_code = $1 AND figure IN ('people_managed', 'reoffences')
           GROUP BY commune_code ORDER BY people_managed DESC, commune_code""", province_code)
    return [dict(row) for row in rows]
