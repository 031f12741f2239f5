"""On the real PostgreSQL: local models and outreach reports written with their tables alongside, listed by place
and period; a member must be supervised in one of the model's communes; the caller must cover the places."""

import uuid
from dataclasses import replace
from datetime import date

import pytest

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.contracts import ModelLevel, OutreachActivity
from hoanhap.places import official_places
from hoanhap.write_path.errors import Forbidden, NotFound, StaleVersion
from hoanhap_supervision.adapters.community_tables import PostgresCommunityTables, models_of, outreach_of
from hoanhap_supervision.application.community import Community
from hoanhap_supervision.domain.errors import RuleViolation
from hoanhap_supervision.domain.local_models import AddMember, EndModel, LaunchModel, RemoveMember
from hoanhap_supervision.domain.outreach import ReportOutreach
from tests.integration.supervision.conftest import feed
from tests.unit.supervision.application import registry_facts as facts

TODAY = date(2026, 3, 1)
PROVINCE = Principal(sub="supervisor-1", agency=Agency.POLICE, role=Role.SUPERVISOR,
                     jurisdiction=Jurisdiction(province="01"))
COMMUNE_00004 = PROVINCE.model_copy(update={"jurisdiction": Jurisdiction(province="01", communes=("00004",))})
LAUNCH = LaunchModel(model_id=uuid.uuid4(), title="Tổ tự quản", level=ModelLevel.COMMUNE, province_code="01",
                     commune_codes=("00004", "00070"), former_district_name=None, lead_organisation="Hội Phụ nữ",
                     launched_on=date(2026, 1, 5))


@pytest.fixture
def community(supervision) -> Community:  # type: ignore[no-untyped-def]
    return Community(supervision, PostgresCommunityTables(), official_places())


async def test_a_model_is_launched_joined_left_and_ended_with_its_row_kept_alongside(community, supervision, pool):
    person = uuid.uuid4()
    await feed(supervision, facts.released(person, "00070"), facts.intake(person))
    launch = replace(LAUNCH, model_id=uuid.uuid4())
    async with pool.acquire() as connection:
        with pytest.raises(Forbidden):
            await community.launch(connection, launch, COMMUNE_00004, TODAY)
        await community.launch(connection, launch, PROVINCE, TODAY)
        with pytest.raises(RuleViolation):
            await community.change(connection, launch.model_id, AddMember(uuid.uuid4(), TODAY), PROVINCE, None, TODAY)
        assert await community.change(connection, launch.model_id, AddMember(person, TODAY), PROVINCE, 1, TODAY) == 2
        with pytest.raises(StaleVersion):
            await community.change(connection, launch.model_id, EndModel(TODAY), PROVINCE, 1, TODAY)
        with pytest.raises(Forbidden):
            await community.change(connection, launch.model_id, EndModel(TODAY), COMMUNE_00004, None, TODAY)
        model, version = await community.model_for(connection, launch.model_id, COMMUNE_00004, changing=False)
        assert (version, model.members) == (2, {person})
        [listed] = [item for item in await models_of(connection, "01", ("00070",)) if item.model_id == launch.model_id]
        assert listed == model
        await community.change(connection, launch.model_id, RemoveMember(person, TODAY), PROVINCE, None, TODAY)
        await community.change(connection, launch.model_id, EndModel(TODAY), PROVINCE, None, TODAY)
        [ended] = [item for item in await models_of(connection, "01", None) if item.model_id == launch.model_id]
        assert (ended.members, ended.ended_on) == (frozenset(), TODAY)
        assert launch.model_id not in [item.model_id for item in await models_of(connection, "01", ("00008",))]
        other_province = PROVINCE.model_copy(update={"jurisdiction": Jurisdiction(province="79")})
        with pytest.raises(NotFound):
            await community.model_for(connection, launch.model_id, other_province, changing=False)


async def test_outreach_is_listed_by_commune_and_period(community, pool):
    commune = "00008"
    session = ReportOutreach(uuid.uuid4(), OutreachActivity.MOBILE_SESSION, 1, 45, "01", commune, date(2026, 2, 1))
    leaflets = ReportOutreach(uuid.uuid4(), OutreachActivity.LEAFLET, 500, None, "01", commune, date(2026, 2, 20))
    province_wide = ReportOutreach(uuid.uuid4(), OutreachActivity.NEWS_ITEM, 3, None, "01", None, date(2026, 2, 5))
    async with pool.acquire() as connection:
        for report in (session, leaflets, province_wide):
            await community.report_outreach(connection, report, PROVINCE, TODAY)
        with pytest.raises(Forbidden):
            await community.report_outreach(connection, replace(province_wide, outreach_id=uuid.uuid4()),
                                            COMMUNE_00004, TODAY)
        february = (date(2026, 2, 1), date(2026, 2, 28))
        in_commune = await outreach_of(connection, "01", (commune,), february)
        assert [(row["activity"], row["quantity"], row["attendance"]) for row in in_commune] == [
            ("mobile_session", 1, 45), ("leaflet", 500, None)]
        first_week = await outreach_of(connection, "01", None, (date(2026, 2, 1), date(2026, 2, 7)))
        assert [row["outreach_id"] for row in first_week] == [session.outreach_id, province_wide.outreach_id]
