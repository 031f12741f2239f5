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
from datetime import date
from uuid import UUID

import hoanhap.contracts as c
from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats.projecting.commune_totals import Delta, FigureKey
from hoanhap_stats.registry.people import KnownPerson, Place


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
