"""Recidivism as a cohort rate: of the people released in a period, how many reoffended within N months.

Only people followed for the whole N months (release date + N months on or before today, in Vietnam) are in the
rate: counting the others, who have had less time to reoffend, would bias it low. The cohort is placed where its
people were released.
"""

from dataclasses import dataclass
from datetime import date

from hoanhap.postgres.connections import Connection
from hoanhap_stats.figures.selection import CONDITIONS, COUNTED_REOFFENCE, Selection

FOLLOWED = "r.release_date + make_interval(months => $10) <= $11"
COHORT = f"""
SELECT count(*) AS released,
       count(*) FILTER (WHERE {FOLLOWED}) AS followed,
       count(*) FILTER (WHERE {FOLLOWED} AND EXISTS (
           SELECT 1 FROM reoffences o WHERE o.person_id = r.person_id AND {COUNTED_REOFFENCE}
             AND o.committed_on >= r.release_date
             AND o.committed_on < r.release_date + make_interval(months => $10))) AS reoffended
FROM releases r
WHERE r.release_date BETWEEN $1 AND $2 AND {CONDITIONS}"""


@dataclass(frozen=True)
class Cohort:
    """The people released in the period, those of them followed for the whole months, and those of the followed
    who reoffended within them."""

    released: int
    followed: int
    reoffended: int


async def cohort_rate(connection: Connection, released: Selection, months: int, today: date) -> Cohort:
    """People released in the selection's period, followed `months` by `today`, with a reoffence within them."""
    row = await connection.fetchrow(COHORT, *released.arguments(), months, today)
    return Cohort(released=row["released"], followed=row["followed"], reoffended=row["reoffended"])
