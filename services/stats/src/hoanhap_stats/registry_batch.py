"""A batch of registry events folded in memory: the rows to write and the commune totals they move.

The fold is the projection's logic, kept free of I/O: given what the read models already know of the batch's
people, it walks the events in order, as applying them one by one would, and ends with one set of writes per
table (the last value per key) plus, in event order, every change to a commune figure.
"""

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import hoanhap.contracts as c
from hoanhap_stats.counters import Delta

PEOPLE_MANAGED = "people_managed"
REOFFENCES = "reoffences"


@dataclass(slots=True)
class KnownPerson:
    """What the read models hold of a person that later events depend on."""

    province_code: str
    commune_code: str
    closed: bool
    reoffence_ids: set[UUID] = field(default_factory=set)


@dataclass(slots=True)
class RegistryWrites:
    """Everything a batch writes, each table's rows keyed so the last event wins."""

    releases: dict[UUID, c.ReleaseRegistered] = field(default_factory=dict)
    places: dict[UUID, tuple[str, str]] = field(default_factory=dict)
    closures: dict[UUID, date] = field(default_factory=dict)
    erasures: set[UUID] = field(default_factory=set)
    reoffences: dict[UUID, c.ReoffenceRecorded] = field(default_factory=dict)
    deltas: list[Delta] = field(default_factory=list)


def fold(known: dict[UUID, KnownPerson], events: list[c.IntegrationEvent]) -> RegistryWrites:
    """The batch's writes and figure changes; known is updated to the state after the batch."""
    writes = RegistryWrites()
    for event in events:
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
                writes.erasures.add(event.person_id)
    return writes


def registered(known: dict[UUID, KnownPerson], writes: RegistryWrites, event: c.ReleaseRegistered) -> None:
    known[event.person_id] = KnownPerson(event.province_code, event.commune_code, closed=False)
    writes.releases[event.person_id] = event
    writes.deltas.append(Delta(PEOPLE_MANAGED, event.province_code, event.commune_code, 1))


def moved(known: dict[UUID, KnownPerson], writes: RegistryWrites, event: c.ResidenceChanged) -> None:
    writes.places[event.person_id] = (event.province_code, event.commune_code)
    person = known.get(event.person_id)
    if person is None:
        return
    managed = 0 if person.closed else 1
    reoffences = len(person.reoffence_ids)
    writes.deltas += [Delta(PEOPLE_MANAGED, person.province_code, person.commune_code, -managed),
                      Delta(REOFFENCES, person.province_code, person.commune_code, -reoffences),
                      Delta(PEOPLE_MANAGED, event.province_code, event.commune_code, managed),
                      Delta(REOFFENCES, event.province_code, event.commune_code, reoffences)]
    person.province_code, person.commune_code = event.province_code, event.commune_code


def reoffended(known: dict[UUID, KnownPerson], writes: RegistryWrites, event: c.ReoffenceRecorded) -> None:
    writes.reoffences[event.reoffence_id] = event
    person = known.get(event.person_id)
    if person is None or event.reoffence_id in person.reoffence_ids:
        return
    person.reoffence_ids.add(event.reoffence_id)
    writes.deltas.append(Delta(REOFFENCES, person.province_code, person.commune_code, 1))


def closed(known: dict[UUID, KnownPerson], writes: RegistryWrites, event: c.CaseClosed) -> None:
    writes.closures[event.person_id] = event.closed_on
    person = known.get(event.person_id)
    if person is None or person.closed:
        return
    person.closed = True
    writes.deltas.append(Delta(PEOPLE_MANAGED, person.province_code, person.commune_code, -1))
