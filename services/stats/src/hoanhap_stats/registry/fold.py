"""A batch of registry events folded in memory: the rows to write and the commune totals they move.

The fold is the projection's logic, kept free of I/O: given what the read models already know of the batch's
people, it walks the events in order, as applying them one by one would, and ends with one set of writes per
table (the last value per key) plus, in event order, every change to a commune figure.

A person adds to the running totals by the place at the time of each fact: one to people_managed where they live
now, while their case is open and they are not erased; one to reoffences, for each reoffence that is not a
withdrawn arrest, where they lived on the day it was committed. Each event's changes are the difference of the
person's contribution before and after it, so a late move, a withdrawal or an erasure moves exactly what it must.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

import hoanhap.contracts as c
from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats.projecting.commune_totals import Delta, FigureKey

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


@dataclass(slots=True)
class RegistryWrites:
    """Everything a batch writes, each table's rows keyed so the last event wins."""

    releases: dict[UUID, c.ReleaseRegistered] = field(default_factory=dict)
    residences: dict[UUID, dict[date, Place]] = field(default_factory=dict)
    """The whole residence history of each person with a new place, written as spells."""
    closures: dict[UUID, date] = field(default_factory=dict)
    erasures: dict[UUID, date] = field(default_factory=dict)
    """The day (in Vietnam) each person's management ended by erasure."""
    reoffences: dict[UUID, c.ReoffenceRecorded] = field(default_factory=dict)
    deltas: list[Delta] = field(default_factory=list)


def fold(known: dict[UUID, KnownPerson], events: list[c.IntegrationEvent]) -> RegistryWrites:
    """The batch's writes and figure changes; known is updated to the state after the batch."""
    writes = RegistryWrites()
    for event in events:
        if not isinstance(event, c.RegistryEvent):
            continue
        before = contribution(known, event.person_id)
        match event:
            case c.ReleaseRegistered() if event.person_id not in known:
                registered(known, writes, event)
            case c.ResidenceChanged():
                moved(known, writes, event)
            case c.ReoffenceRecorded():
                reoffended(known, writes, event)
            case c.CaseClosed():
                closed(known, writes, event)
            case c.PersonErased():
                erased(known, writes, event)
        writes.deltas += changes(before, contribution(known, event.person_id))
    return writes


def contribution(known: dict[UUID, KnownPerson], person_id: UUID) -> Counter[FigureKey]:
    """What the person adds to the totals now (nothing when stats does not know them)."""
    person = known.get(person_id)
    return person.figures() if person else Counter()


def changes(before: Counter[FigureKey], after: Counter[FigureKey]) -> list[Delta]:
    """The deltas from one contribution to the other: decreases first, each group in key order."""
    amounts = {key: after[key] - before[key] for key in sorted(before.keys() | after.keys())}
    return [Delta(*key, amount) for key, amount in sorted(amounts.items(), key=lambda item: item[1] > 0) if amount]


def registered(known: dict[UUID, KnownPerson], writes: RegistryWrites, event: c.ReleaseRegistered) -> None:
    place = (event.province_code, event.commune_code)
    known[event.person_id] = KnownPerson({event.release_date: place})
    writes.releases[event.person_id] = event
    writes.residences[event.person_id] = known[event.person_id].residences


def moved(known: dict[UUID, KnownPerson], writes: RegistryWrites, event: c.ResidenceChanged) -> None:
    person = known.get(event.person_id)
    residences = person.residences if person else writes.residences.get(event.person_id, {})
    residences[event.moved_on] = (event.province_code, event.commune_code)
    writes.residences[event.person_id] = residences


def reoffended(known: dict[UUID, KnownPerson], writes: RegistryWrites, event: c.ReoffenceRecorded) -> None:
    writes.reoffences[event.reoffence_id] = event
    if (person := known.get(event.person_id)) is None:
        return
    if event.status is c.ReoffenceStatus.ARREST_WITHDRAWN:
        person.reoffences.pop(event.reoffence_id, None)
    else:
        person.reoffences[event.reoffence_id] = event.committed_on


def closed(known: dict[UUID, KnownPerson], writes: RegistryWrites, event: c.CaseClosed) -> None:
    writes.closures[event.person_id] = event.closed_on
    if person := known.get(event.person_id):
        person.closed = True


def erased(known: dict[UUID, KnownPerson], writes: RegistryWrites, event: c.PersonErased) -> None:
    """Management ends on the day of the erasure in Vietnam; a second erasure keeps the first day."""
    person = known.get(event.person_id)
    if person is None or not person.erased:
        writes.erasures.setdefault(event.person_id, vietnam_today(event.erased_at))
    if person:
        person.erased = True
