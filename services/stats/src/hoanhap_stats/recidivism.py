"""Recidivism as a cohort rate: of the people released in a period, how many reoffended within N months."""

from dataclasses import dataclass

from hoanhap.eventstore.connections import Connection
from hoanhap_stats.selection import CONDITIONS, Selection

COHORT = """
SELECT count(*) AS released,
       count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM reoffences o WHERE o.person_id = r.person_id
             AND o.committed_on >= r.release_date
             AND o.committed_on < r.release_date + make_interval(months => $10))) AS reoffended
FROM releases r
WHERE r.release_date BETWEEN $1 AND $2 AND """ + CONDITIONS


@dataclass(frozen=True)
class Rate:
    """A rate with the counts it comes from."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        """numerator / denominator, or None when nobody is counted."""
        return self.numerator / self.denominator if self.denominator else None


async def cohort_rate(connection: Connection, released: Selection, months: int) -> Rate:
    """People released in the selection's period with a reoffence within `months` of their release."""
    row = await connection.fetchrow(COHORT, *released.arguments(), months)
    return Rate(numerator=row["reoffended"], denominator=row["released"])
