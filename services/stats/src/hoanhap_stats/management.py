"""Counts over the read models: releases by type (by place of release), people under management and the period
recidivism rate (by the place at the time of each fact)."""

from typing import Any

from hoanhap.eventstore.connections import Connection
from hoanhap_stats.figure_filters import own_place, placed_arguments
from hoanhap_stats.selection import CONDITIONS, COUNTED_REOFFENCE, Selection


async def releases_by_type(connection: Connection, period: Selection) -> dict[str, int]:
    """People released in the period, by release type."""
    rows = await connection.fetch(
        f"SELECT release_type, count(*) AS released FROM releases r WHERE release_date BETWEEN $1 AND $2 "
        f"AND {CONDITIONS} GROUP BY release_type ORDER BY release_type", *period.arguments())
    return {row["release_type"]: row["released"] for row in rows}


PERIOD = f"""SELECT
  (SELECT count(*) FROM reoffences o JOIN releases r USING (person_id)
     CROSS JOIN LATERAL (SELECT s.province_code, s.commune_code FROM residences s WHERE s.person_id = o.person_id
                         ORDER BY s.since > o.committed_on, abs(o.committed_on - s.since) LIMIT 1) AS s
     WHERE o.committed_on BETWEEN $1 AND $2 AND {COUNTED_REOFFENCE} AND {own_place("s")} AND {CONDITIONS}
  ) AS reoffences,
  (SELECT count(DISTINCT r.person_id) FROM releases r JOIN residences s USING (person_id)
     CROSS JOIN LATERAL (SELECT min(n.since) - 1 AS last_day FROM residences n
                         WHERE n.person_id = s.person_id AND n.since > s.since) AS spell
     WHERE greatest($1, r.release_date, s.since) <= least($2, r.closed_on, r.erased_on, spell.last_day)
       AND {own_place("s")} AND {CONDITIONS}
  ) AS managed"""
"""A reoffence is placed where the person lived on the day it was committed: the residence from the latest day on
or before it (or the earliest, for a day before any); a person is managed in a commune on the days of the period
they lived there between their release and the end of their management (closure or erasure, both days counted)."""


async def period_rate(connection: Connection, period: Selection) -> tuple[int, int]:
    """(reoffences committed in the period, people under management in it), each by the place at the time: a
    person who moved counts in each commune they lived in during the period, once in their province."""
    row = await connection.fetchrow(PERIOD, *placed_arguments(period))
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
