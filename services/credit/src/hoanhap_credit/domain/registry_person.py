"""What credit knows of a person from the registry's facts: its own view of the registry topic, folded one event at a
time. The registry is the source of these facts; credit only keeps the last word of each (docs/credit.md)."""

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

import hoanhap.contracts as c
from hoanhap.contracts import ReleaseType
from hoanhap.contracts.registry.choices import ReoffenceStatus
from hoanhap.working_days.calendar_periods import months_after
from hoanhap_credit.domain.applications import CommuneListing, Reoffence

CERTIFIED_BY = "UBND xã"


@dataclass(frozen=True)
class RecordedReoffence:
    """A reoffence as the registry last recorded it (its status may change: an arrest withdrawn, a conviction)."""

    reoffence_id: UUID
    committed_on: date
    status: ReoffenceStatus


@dataclass(frozen=True)
class CertifiedListing:
    """The person's entry on a commune list (Form 01) as the registry last certified it (CommuneListingCertified)."""

    list_id: UUID
    commune_code: str
    certified_on: date


@dataclass(frozen=True)
class RegistryPerson:
    """The person's place, release, supervision period, reoffences and closure as the registry last told them."""

    person_id: UUID
    province_code: str
    commune_code: str
    release_type: ReleaseType
    release_date: date
    supervision_ends_on: date | None = None
    closed_on: date | None = None
    reoffences: tuple[RecordedReoffence, ...] = ()
    certified_listing: CertifiedListing | None = None  # folded from the registry's events
    listing: CommuneListing | None = None  # what counts for an application: listing_of, filled in by the view

    def applicant_reoffences(self) -> tuple[Reoffence, ...]:
        """The reoffences as an application's facts (eligibility decides which stand)."""
        return tuple(Reoffence(item.committed_on, item.status) for item in self.reoffences)


def released(event: c.ReleaseRegistered) -> RegistryPerson:
    """The person as the release registers them; the supervision period, when there is one, ends that many months
    after the release day."""
    ends_on = None
    if event.supervision_months is not None:
        ends_on = months_after(event.release_date, event.supervision_months)
    return RegistryPerson(event.person_id, event.province_code, event.commune_code, event.release_type,
                          event.release_date, ends_on)


def folded(person: RegistryPerson | None, event: c.RegistryEvent) -> RegistryPerson | None:
    """The person after one more registry fact. None means credit knows nothing of them: never released here, or
    erased — erasure makes credit's view forget every registry fact of the person (docs/credit.md)."""
    if isinstance(event, c.ReleaseRegistered):
        return person or released(event)  # a second registration of the same person changes nothing
    if person is None or isinstance(event, c.PersonErased):
        return None
    match event:
        case c.ReoffenceRecorded():
            return with_reoffence(person, RecordedReoffence(event.reoffence_id, event.committed_on, event.status))
        case c.ResidenceChanged():
            return replace(person, province_code=event.province_code, commune_code=event.commune_code)
        case c.CaseClosed():
            return replace(person, closed_on=event.closed_on)
        case c.CommuneListingCertified():
            return with_listing(person, CertifiedListing(event.list_id, event.commune_code, event.certified_on))
    return person


def with_listing(person: RegistryPerson, listing: CertifiedListing) -> RegistryPerson:
    """A later certification replaces an earlier one; a move to another commune keeps it (listing_of decides
    where it counts)."""
    held = person.certified_listing
    if held is not None and held.certified_on > listing.certified_on:
        return person
    return replace(person, certified_listing=listing)


def listing_of(person: RegistryPerson, latest_certified_on: date | None) -> CommuneListing | None:
    """The person's listing as an application's fact: it counts only when it is of the commune they live in now
    and of that commune's latest certified list (latest_certified_on: the day the commune's latest list was
    certified). The certifier is named by office only, "UBND xã" (the commune People's Committee): the
    signatory's name stays in the registry and never reaches credit."""
    held = person.certified_listing
    if held is None or held.commune_code != person.commune_code:
        return None
    if latest_certified_on is not None and held.certified_on < latest_certified_on:
        return None
    return CommuneListing(certified_by=CERTIFIED_BY, certified_on=held.certified_on)


def with_reoffence(person: RegistryPerson, reoffence: RecordedReoffence) -> RegistryPerson:
    """The reoffence added, or replacing the one with its id (its status changed), in the order committed."""
    others = [item for item in person.reoffences if item.reoffence_id != reoffence.reoffence_id]
    ordered = sorted([*others, reoffence], key=lambda item: (item.committed_on, str(item.reoffence_id)))
    return replace(person, reoffences=tuple(ordered))
