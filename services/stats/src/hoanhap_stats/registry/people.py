"""A person as the registry's projection knows them: where they lived when, whether their management ended, which
reoffences count, and so what they add to each commune's running totals (see fold.py for how events change it)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

from hoanhap_stats.projecting.commune_totals import FigureKey

PEOPLE_MANAGED = "people_managed"
REOFFENCES = "reoffences"

Place = tuple[str, str]
"""(province code, commune code)"""


@dataclass(slots=True)
class KnownPerson:
    """What the read models hold of a person that later events depend on."""

    residences: dict[date, Place]
    """Where the person lived from each day on: the place of release from the release date, then each move."""
    closed: bool = False
    erased: bool = False
    reoffences: dict[UUID, date] = field(default_factory=dict)
    """The reoffences that count (not withdrawn arrests), by the day each was committed."""

    def place_on(self, day: date) -> Place:
        """Where the person lived on the day; before their first known place, that place."""
        since = max((start for start in self.residences if start <= day), default=min(self.residences))
        return self.residences[since]

    def figures(self) -> Counter[FigureKey]:
        """What the person adds to each commune's running totals."""
        counts: Counter[FigureKey] = Counter()
        if not (self.closed or self.erased):
            counts[(PEOPLE_MANAGED, *self.residences[max(self.residences)])] += 1
        for committed_on in self.reoffences.values():
            counts[(REOFFENCES, *self.place_on(committed_on))] += 1
        return counts


@dataclass(frozen=True, slots=True)
class Spell:
    """A time a person lived in one place: from `since` to `until` (included; None: still there). The first spell
    also places what happened before its day."""

    since: date
    until: date | None
    first: bool
    place: Place


def spells(residences: dict[date, Place]) -> list[Spell]:
    """The residence history as spells, each ending the day before the next begins."""
    days = sorted(residences)
    ends = [next_day - timedelta(days=1) for next_day in days[1:]]
    return [Spell(day, end, index == 0, residences[day])
            for index, (day, end) in enumerate(zip(days, [*ends, None], strict=True))]
