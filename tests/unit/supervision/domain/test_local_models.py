"""The rules of a local model: district level only for a launch before 2025-07-01 (both sides of the day), official
communes of one province, members while it runs, nothing after its end."""

import uuid
from dataclasses import replace
from datetime import date

import pytest

from hoanhap.contracts import ModelLevel
from hoanhap.places import official_places
from hoanhap_supervision.domain import community_events as ev
from hoanhap_supervision.domain.errors import CaseConflict, RuleViolation
from hoanhap_supervision.domain.local_model_rules import decide_model
from hoanhap_supervision.domain.local_models import (
    AddMember,
    EndModel,
    LaunchModel,
    LocalModel,
    RemoveMember,
    replay_model,
)

TODAY = date(2026, 3, 1)
PLACES = official_places()
LAUNCH = LaunchModel(model_id=uuid.uuid4(), title="Câu lạc bộ Hoà nhập", level=ModelLevel.COMMUNE,
                     province_code="01", commune_codes=("00004", "00070"), former_district_name=None,
                     lead_organisation="Đoàn Thanh niên phường", launched_on=date(2026, 1, 10))
DISTRICT = replace(LAUNCH, level=ModelLevel.DISTRICT, former_district_name="Quận Ba Đình")


def refusal(model: LocalModel | None, command: object) -> str:
    with pytest.raises(RuleViolation) as refused:
        decide_model(model, command, PLACES, TODAY)  # type: ignore[arg-type]
    return refused.value.field


def launched(command: LaunchModel = LAUNCH) -> LocalModel:
    model = replay_model(decide_model(None, command, PLACES, TODAY))
    assert model is not None
    return model


def test_a_district_model_launched_the_day_before_districts_ended_is_accepted():
    [started] = decide_model(None, replace(DISTRICT, launched_on=date(2025, 6, 30)), PLACES, TODAY)
    assert isinstance(started, ev.ModelStarted) and started.level is ModelLevel.DISTRICT


def test_a_district_model_launched_on_or_after_2025_07_01_is_refused_at_level():
    assert refusal(None, replace(DISTRICT, launched_on=date(2025, 7, 1))) == "level"
    assert refusal(None, replace(DISTRICT, launched_on=date(2025, 7, 2))) == "level"


def test_a_commune_model_may_be_launched_on_2025_07_01_and_after():
    assert decide_model(None, replace(LAUNCH, launched_on=date(2025, 7, 1)), PLACES, TODAY)


def test_a_district_model_names_its_former_district():
    assert refusal(None, replace(DISTRICT, launched_on=date(2025, 1, 1), former_district_name=None)) == \
        "former_district_name"


def test_the_communes_are_official_listed_once_and_all_of_the_province():
    assert refusal(None, replace(LAUNCH, commune_codes=("00004", "99999"))) == "commune_codes"
    assert refusal(None, replace(LAUNCH, commune_codes=("00004", "00004"))) == "commune_codes"
    other_province = next(code for code, commune in PLACES.communes.items() if commune.province_code == "79")
    assert refusal(None, replace(LAUNCH, commune_codes=("00004", other_province))) == "commune_codes"
    assert refusal(None, replace(LAUNCH, province_code="00")) == "province_code"


def test_a_launch_in_the_future_is_refused():
    assert refusal(None, replace(LAUNCH, launched_on=date(2026, 3, 2))) == "launched_on"


def test_members_join_and_leave_while_the_model_runs():
    person = uuid.uuid4()
    model = launched()
    joined = replay_model([*decide_model(None, LAUNCH, PLACES, TODAY),
                           *decide_model(model, AddMember(person, date(2026, 2, 1)), PLACES, TODAY)])
    assert joined is not None and joined.members == {person}
    with pytest.raises(CaseConflict):
        decide_model(joined, AddMember(person, date(2026, 2, 2)), PLACES, TODAY)
    [left] = decide_model(joined, RemoveMember(person, date(2026, 2, 3)), PLACES, TODAY)
    assert isinstance(left, ev.MemberLeft)
    with pytest.raises(CaseConflict):
        decide_model(model, RemoveMember(person, date(2026, 2, 3)), PLACES, TODAY)


def test_days_of_a_model_run_from_its_launch_to_today():
    model = launched()
    assert refusal(model, AddMember(uuid.uuid4(), date(2026, 1, 9))) == "joined_on"
    assert refusal(model, EndModel(date(2026, 3, 2))) == "ended_on"


def test_an_ended_model_takes_no_more_changes():
    ended = replace(launched(), ended_on=date(2026, 2, 1))
    with pytest.raises(CaseConflict):
        decide_model(ended, AddMember(uuid.uuid4(), date(2026, 2, 1)), PLACES, TODAY)
    with pytest.raises(CaseConflict):
        decide_model(ended, EndModel(date(2026, 2, 1)), PLACES, TODAY)


def test_an_end_keeps_the_place_the_model_was_launched_in_so_it_can_be_published_with_it():
    [ended] = decide_model(launched(), EndModel(date(2026, 2, 1)), PLACES, TODAY)
    assert ended == ev.ModelEnded(ended_on=date(2026, 2, 1), province_code="01", commune_codes=["00004", "00070"])
