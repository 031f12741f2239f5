"""A local model (mô hình): what can be asked of it and the state its events leave it in."""

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from hoanhap.contracts import ModelLevel
from hoanhap_supervision.domain import community_events as ev


@dataclass(frozen=True)
class LaunchModel:
    model_id: UUID
    title: str
    level: ModelLevel
    province_code: str
    commune_codes: tuple[str, ...]
    former_district_name: str | None
    lead_organisation: str
    launched_on: date


@dataclass(frozen=True)
class AddMember:
    person_id: UUID
    joined_on: date


@dataclass(frozen=True)
class RemoveMember:
    person_id: UUID
    left_on: date


@dataclass(frozen=True)
class EndModel:
    ended_on: date


ModelCommand = LaunchModel | AddMember | RemoveMember | EndModel


@dataclass(frozen=True)
class LocalModel:
    """A model as its events leave it: where it runs, who its members are, whether it ended."""

    model_id: UUID
    title: str
    level: ModelLevel
    province_code: str
    commune_codes: tuple[str, ...]
    former_district_name: str | None
    lead_organisation: str
    launched_on: date
    members: frozenset[UUID] = frozenset()
    ended_on: date | None = None

    @property
    def is_running(self) -> bool:
        """Not ended."""
        return self.ended_on is None


def evolve_model(model: LocalModel | None, event: ev.SupervisionFact) -> LocalModel | None:
    """The model after one more event."""
    match event:
        case ev.ModelStarted():
            return LocalModel(model_id=event.model_id, title=event.title, level=event.level,
                              province_code=event.province_code, commune_codes=tuple(event.commune_codes),
                              former_district_name=event.former_district_name,
                              lead_organisation=event.lead_organisation, launched_on=event.launched_on)
    assert model is not None, f"{event.type_name()} before the model was launched"
    match event:
        case ev.MemberJoined():
            return replace(model, members=model.members | {event.person_id})
        case ev.MemberLeft():
            return replace(model, members=model.members - {event.person_id})
        case ev.ModelEnded():
            return replace(model, ended_on=event.ended_on)
    return model


def replay_model(events: list[ev.SupervisionFact]) -> LocalModel | None:
    """The model these events make (None before its launch)."""
    model = None
    for event in events:
        model = evolve_model(model, event)
    return model
