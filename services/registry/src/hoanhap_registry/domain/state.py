"""A person's case as its events leave it: evolve(state, event) -> state."""

from dataclasses import dataclass, field, replace
from datetime import date
from uuid import UUID

from hoanhap.contracts import ReleaseType, ReoffenceStatus
from hoanhap_registry.domain import events as ev


@dataclass(frozen=True)
class Reoffence:
    """One recorded reoffence."""

    committed_on: date
    offence_articles: tuple[int, ...]
    status: ReoffenceStatus


@dataclass(frozen=True)
class PersonCase:
    """Everything the rules need to know about one released person."""

    release: ev.ReleaseRegistered
    province_code: str
    commune_code: str
    village: str | None
    confirmed_on: date | None = None
    intake: ev.IntakeRecorded | None = None
    reoffences: dict[UUID, Reoffence] = field(default_factory=dict)
    closure: ev.CaseClosed | None = None
    erased_on: date | None = None

    @property
    def release_type(self) -> ReleaseType:
        """How the person came to be managed."""
        return self.release.release_type

    @property
    def reoffence_count(self) -> int:
        """Reoffences that stand: convictions and arrests pending trial, not withdrawn arrests."""
        return sum(1 for reoffence in self.reoffences.values()
                   if reoffence.status != ReoffenceStatus.ARREST_WITHDRAWN)

    @property
    def is_open(self) -> bool:
        """Still under management."""
        return self.closure is None and self.erased_on is None


def evolve(state: PersonCase | None, event: ev.RegistryFact) -> PersonCase:
    """The case after one more event."""
    if isinstance(event, ev.ReleaseRegistered):
        return PersonCase(release=event, province_code=event.province_code, commune_code=event.commune_code,
                          village=event.village)
    assert state is not None, f"{event.type_name()} before ReleaseRegistered"
    return _apply(state, event)


def _apply(state: PersonCase, event: ev.RegistryFact) -> PersonCase:
    match event:
        case ev.ResidenceConfirmed():
            return replace(state, confirmed_on=event.confirmed_on)
        case ev.IntakeRecorded():
            return replace(state, intake=event)
        case ev.ResidenceChanged():
            return replace(state, province_code=event.province_code, commune_code=event.commune_code,
                           village=event.village)
        case ev.ReoffenceRecorded():
            reoffence = Reoffence(event.committed_on, event.offence_articles, event.status)
            return replace(state, reoffences={**state.reoffences, event.reoffence_id: reoffence})
        case ev.CaseClosed():
            return replace(state, closure=event)
        case ev.PersonErased():
            return replace(state, erased_on=event.erased_on)
    raise TypeError(f"unknown registry event {event.type_name()}")


def replay(events: list[ev.RegistryFact]) -> PersonCase | None:
    """The case after all its events, or None before the first."""
    state: PersonCase | None = None
    for event in events:
        state = evolve(state, event)
    return state
