"""What leaves supervision about models and outreach: ModelLaunched lists the communes the model covers (the one
running it first) and nothing of its lead organisation; ModelEnded carries its place; an outreach report leaves
with its commune, or without one when province-wide; a model's members stay inside."""

import uuid
from datetime import date

from hoanhap import contracts as c
from hoanhap.contracts import ModelLevel, OutreachActivity
from hoanhap_supervision.adapters.community_publishing import community_event
from hoanhap_supervision.domain import community_events as ev

STARTED = ev.ModelStarted(model_id=uuid.uuid4(), title="Tổ tự quản", level=ModelLevel.DISTRICT, province_code="01",
                          commune_codes=["00070", "00004"], former_district_name="Quận Hoàn Kiếm",
                          lead_organisation="Hội Cựu chiến binh", launched_on=date(2025, 3, 1))
REPORT = ev.OutreachReported(outreach_id=uuid.uuid4(), activity=OutreachActivity.JOB_COUNSELLING, quantity=2,
                             attendance=80, province_code="01", commune_code="00004", held_on=date(2026, 2, 1))


def test_a_launch_is_model_launched_with_every_commune_it_covers_the_running_one_first():
    launched = community_event(STARTED.model_id, STARTED)
    assert launched == c.ModelLaunched(model_id=STARTED.model_id, title="Tổ tự quản", level=ModelLevel.DISTRICT,
                                       province_code="01", commune_codes=("00070", "00004"),
                                       former_district_name="Quận Hoàn Kiếm", launched_on=date(2025, 3, 1))
    assert "Hội Cựu chiến binh" not in launched.model_dump_json()


def test_a_communes_report_is_outreach_logged_in_it_and_a_province_wide_one_without_a_commune():
    assert community_event(REPORT.outreach_id, REPORT) == c.OutreachLogged(
        outreach_id=REPORT.outreach_id, activity=OutreachActivity.JOB_COUNSELLING, quantity=2, attendance=80,
        province_code="01", commune_code="00004", held_on=date(2026, 2, 1))
    province_wide = community_event(REPORT.outreach_id, REPORT.model_copy(update={"commune_code": None}))
    assert isinstance(province_wide, c.OutreachLogged)
    assert (province_wide.province_code, province_wide.commune_code) == ("01", None)


def test_an_end_is_model_ended_with_the_models_place():
    ended = ev.ModelEnded(ended_on=date(2026, 1, 1), province_code="01", commune_codes=["00070", "00004"])
    assert community_event(STARTED.model_id, ended) == c.ModelEnded(
        model_id=STARTED.model_id, province_code="01", commune_codes=("00070", "00004"), ended_on=date(2026, 1, 1))


def test_an_end_recorded_without_its_place_stays_inside():
    assert community_event(STARTED.model_id, ev.ModelEnded(ended_on=date(2026, 1, 1))) is None


def test_members_stay_inside():
    joined = ev.MemberJoined(person_id=uuid.uuid4(), joined_on=date(2026, 1, 1))
    assert community_event(STARTED.model_id, joined) is None
