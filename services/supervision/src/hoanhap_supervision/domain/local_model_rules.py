"""decide_model(model, command, places, today) -> events: the rules of a local model.

District-level models ended with the districts on 2025-07-01: one launched on or after that day is refused. A model
covers official communes of one province. Refusals are RuleViolation (422 at a field) or CaseConflict (409)."""

from datetime import date

from hoanhap.contracts import ModelLevel
from hoanhap_supervision.domain import community_events as ev
from hoanhap_supervision.domain.errors import CaseConflict, RuleViolation
from hoanhap_supervision.domain.local_models import AddMember, EndModel, LaunchModel, LocalModel, ModelCommand
from hoanhap_supervision.domain.place_catalogue import PlaceCatalogue, ensure_in_one_province

DISTRICTS_ABOLISHED_ON = date(2025, 7, 1)


def decide_model(model: LocalModel | None, command: ModelCommand, places: PlaceCatalogue,
                 today: date) -> list[ev.SupervisionFact]:
    """The events the command makes of the model."""
    if isinstance(command, LaunchModel):
        return [launch(command, places, today)]
    if model is None:
        raise CaseConflict("no such model")
    if not model.is_running:
        raise CaseConflict(f"the model ended on {model.ended_on}: nothing more is recorded about it")
    match command:
        case AddMember():
            if command.person_id in model.members:
                raise CaseConflict("this person is a member already")
            not_before(model, command.joined_on, "joined_on", today)
            return [ev.MemberJoined(person_id=command.person_id, joined_on=command.joined_on)]
        case EndModel():
            not_before(model, command.ended_on, "ended_on", today)
            return [ev.ModelEnded(ended_on=command.ended_on, province_code=model.province_code,
                                  commune_codes=list(model.commune_codes))]
    if command.person_id not in model.members:
        raise CaseConflict("this person is not a member")
    not_before(model, command.left_on, "left_on", today)
    return [ev.MemberLeft(person_id=command.person_id, left_on=command.left_on)]


def launch(command: LaunchModel, places: PlaceCatalogue, today: date) -> ev.ModelStarted:
    """A new model, if its level, day and communes are possible."""
    if command.launched_on > today:
        raise RuleViolation("launched_on", f"{command.launched_on} is in the future")
    if command.level is ModelLevel.DISTRICT and command.launched_on >= DISTRICTS_ABOLISHED_ON:
        raise RuleViolation("level", f"districts were abolished on {DISTRICTS_ABOLISHED_ON}: a model launched on "
                                     f"{command.launched_on} runs at commune level")
    if command.level is ModelLevel.DISTRICT and command.former_district_name is None:
        raise RuleViolation("former_district_name", "a district-level model names the former district")
    ensure_in_one_province(places, command.province_code, command.commune_codes)
    return ev.ModelStarted(model_id=command.model_id, title=command.title, level=command.level,
                           province_code=command.province_code, commune_codes=list(command.commune_codes),
                           former_district_name=command.former_district_name,
                           lead_organisation=command.lead_organisation, launched_on=command.launched_on)


def not_before(model: LocalModel, day: date, field: str, today: date) -> None:
    """A day of the model's life: from its launch to today."""
    if day < model.launched_on:
        raise RuleViolation(field, f"{day} is before the model's launch on {model.launched_on}")
    if day > today:
        raise RuleViolation(field, f"{day} is in the future")
