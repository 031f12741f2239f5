"""What leaves supervision about models and outreach: ModelLaunched names the commune that runs the model, and
nothing of its lead organisation; a province-wide outreach report and a model's members and end stay inside."""

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


def test_a_launch_is_model_launched_in_the_commune_that_runs_it():
    launched = community_event(STARTED)
    assert launched == c.ModelLaunched(model_id=STARTED.model_id, title="Tổ tự quản", level=ModelLevel.DISTRICT,
                                       province_code="01", commune_code="00070",
                                       former_district_name="Quận Hoàn Kiếm", launched_on=date(2025, 3, 1))
    assert "Hội Cựu chiến binh" not in launched.model_dump_json()


def test_a_communes_report_is_outreach_logged_and_a_province_wide_one_stays_inside():
    assert community_event(REPORT) == c.OutreachLogged(
        outreach_id=REPORT.outreach_id, activity=OutreachActivity.JOB_COUNSELLING, quantity=2, attendance=80,
        province_code="01", commune_code="00004", held_on=date(2026, 2, 1))
    assert community_event(REPORT.model_copy(update={"commune_code": None})) is None


def test_members_and_the_end_stay_inside():
    assert community_event(ev.MemberJoined(person_id=uuid.uuid4(), joined_on=date(2026, 1, 1))) is None
    assert community_event(ev.ModelEnded(ended_on=date(2026, 1, 1))) is None
