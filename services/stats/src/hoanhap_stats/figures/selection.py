"""What a figure counts: a period of days and the breakdowns steering committees ask for, as SQL on `releases r`.

Places: releases r keep the place of release (a cohort's place); where a person lived later is in residences.
Offence groups follow the Penal Code's chapters (2015 code): property (Art. 168-180), drugs (Art. 247-259),
life, health and dignity (Art. 123-156), public order (Art. 260-329). Age bands are ages at release.
"""

from dataclasses import dataclass
from datetime import date

from hoanhap.contracts import ReoffenceStatus

OFFENCE_GROUPS = {"property": (168, 180), "drugs": (247, 259), "life_health_dignity": (123, 156),
                  "public_order": (260, 329)}
AGE_BANDS = {"14-17": (14, 17), "18-29": (18, 29), "30-44": (30, 44), "45-59": (45, 59), "60+": (60, 200)}

CONDITIONS = """($3::text IS NULL OR r.province_code = $3) AND ($4::text IS NULL OR r.commune_code = $4)
    AND ($5::text IS NULL OR r.release_type = $5) AND ($6::text IS NULL OR r.sex = $6)
    AND ($7::int IS NULL OR r.age_at_release BETWEEN $7 AND $8)
    AND ($9::int[] IS NULL OR r.offence_articles && $9)"""
"""The filters, with the period's days as $1 and $2; a query's own parameters start at $10."""

COUNTED_REOFFENCE = f"o.status <> '{ReoffenceStatus.ARREST_WITHDRAWN.value}'"
"""SQL keeping the reoffences `o` that count: a withdrawn arrest (acquittal, charges dropped) counts in no figure."""


@dataclass(frozen=True)
class Selection:
    """A period (both ends included) and optional filters; None means no filter."""

    start: date
    end: date
    province_code: str | None = None
    commune_code: str | None = None
    release_type: str | None = None
    sex: str | None = None
    age_band: str | None = None
    offence_group: str | None = None

    def arguments(self) -> tuple[object, ...]:
        """The SQL parameters $1..$9."""
        youngest, oldest = AGE_BANDS[self.age_band] if self.age_band else (None, None)
        articles = None
        if self.offence_group:
            first, last = OFFENCE_GROUPS[self.offence_group]
            articles = list(range(first, last + 1))
        return (self.start, self.end, self.province_code, self.commune_code, self.release_type, self.sex,
                youngest, oldest, articles)
