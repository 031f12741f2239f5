"""Recidivism as a cohort rate: of the people released in a period, how many reoffended within N months."""

from dataclasses import dataclass
from datetime import date

from hoanhap.eventstore.connections import Connection

COHORT = """
SELECT count(*) AS released,
       count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM reoffences o WHERE o.person_id = r.person_id
             AND o.committed_on >= r.release_date
             AND o.committed_on < r.release_date + make_interval(months => $3))) AS reoffended
FROM releases r
WHERE r.release_date BETWEEN $1 AND $2
  AND ($4::text IS NULL OR r.province_code = $4) AND ($5::text IS NULL OR r.commune_code = $5)
"""


@dataclass(frozen=True)
class Rate:
    """A rate with the counts it comes from."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        """numerator / denominator, or None when nobody is counted."""
        return self.numerator / self.denominator if self.denominator else None


async def cohort_rate(connection: Connection, released_from: date, released_to: date, months: int,
                      province_code: str | None = None, commune_code: str | None = None) -> Rate:
    """People released in [released_from, released_to] with a reoffence within `months` of their release."""
    row = await connection.fetchrow(COHORT, released_from, released_to, months, province_code, commune_code)
    return Rate(numerator=row["reoffended"], denominator=row["released"])
