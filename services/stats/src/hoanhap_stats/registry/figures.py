"""Counts over the read models: releases by type (by place of release), people under management and the period
recidivism rate (by the place at the time of each fact)."""

from typing import Any

from hoanhap.postgres.connections import Connection
from hoanhap_stats.figures.own_place import given_place, placed_arguments
from hoanhap_stats.figures.selection import CONDITIONS, COUNTED_REOFFENCE, Selection


async def releases_by_type(connection: Connection, period: Selection) -> dict[str, int]:
    """People released in the period, by release type."""
    rows = await connection.fetch(
        f"SELECT release_type, count(*) AS released FROM releases r WHERE release_date BETWEEN $1 AND $2 "
        f"AND {CONDITIONS} GROUP BY release_type ORDER BY release_type", *period.arguments())
    return {row["release_type"]: row["released"] for row in rows}


def period_query(place: str) -> str:
    """Reoffences committed in the period and people under management in it, in the residence spells (residences
    s) that `place` keeps: a reoffence counts in the spell of the day it was committed; a person is managed in a
    spell on the days of the period between their release and the end of their management (closure or erasure,
    both days counted), and counts once however many spells they had there."""
    return f"""SELECT
      (SELECT count(*) FROM residences s {RELEASE} JOIN reoffences o ON o.person_id = s.person_id
         WHERE o.committed_on BETWEEN $1 AND $2 AND {COUNTED_REOFFENCE} AND {place}
           AND (s.first OR o.committed_on >= s.since) AND (s.until IS NULL OR o.committed_on <= s.until)) AS reoffences,
      (SELECT count(DISTINCT s.person_id) FROM residences s {RELEASE}
         WHERE {place} AND greatest($1, r.release_date, s.since) <= least($2, r.closed_on, r.erased_on, s.until)
      ) AS managed"""


RELEASE = f"""CROSS JOIN LATERAL (SELECT r.release_date, r.closed_on, r.erased_on FROM releases r
                                     WHERE r.person_id = s.person_id AND {CONDITIONS} OFFSET 0) AS r"""
"""The release of each spell's person, when it meets the selection's breakdowns: looked up by its key for each spell
(OFFSET 0 keeps PostgreSQL from turning it into a scan of every release, which it misjudges as cheaper)."""


async def period_rate(connection: Connection, period: Selection) -> tuple[int, int]:
    """(reoffences committed in the period, people under management in it), each by the place at the time: a
    person who moved counts in each commune they lived in during the period, once in their province."""
    row = await connection.fetchrow(period_query(given_place("s", period)), *placed_arguments(period))
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
