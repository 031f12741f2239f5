"""On the real PostgreSQL: an imported row is recorded through the community use case once, whatever else claims
its fingerprint; a row the use case refuses leaves no claim behind (its transaction rolls back), and two imports of
one row at the same moment record it once."""

import asyncio
import uuid
from dataclasses import replace
from datetime import date

import pytest

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.contracts import ModelLevel, OutreachActivity
from hoanhap.places import official_places
from hoanhap.write_path.errors import Forbidden
from hoanhap_supervision.adapters.community_tables import PostgresCommunityTables, models_of
from hoanhap_supervision.adapters.imported_rows import PostgresImportedRows
from hoanhap_supervision.application.community import Community
from hoanhap_supervision.application.community_import import CommunityImport
from hoanhap_supervision.domain.local_models import LaunchModel
from hoanhap_supervision.domain.outreach import ReportOutreach

TODAY = date(2026, 3, 1)
OFFICER = Principal(sub="officer-1", agency=Agency.POLICE, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01", communes=("00004",)))
ELSEWHERE = OFFICER.model_copy(update={"jurisdiction": Jurisdiction(province="01", communes=("00070",))})
LAUNCH = LaunchModel(uuid.uuid4(), "Tổ tự quản số 1", ModelLevel.COMMUNE, "01", ("00004",), None, "Hội Phụ nữ",
                     date(2026, 1, 5))
REPORT = ReportOutreach(uuid.uuid4(), OutreachActivity.LEAFLET, 300, None, "01", "00004", date(2026, 2, 11))


@pytest.fixture
def importing(supervision) -> CommunityImport:  # type: ignore[no-untyped-def]
    return CommunityImport(Community(supervision, PostgresCommunityTables(), official_places()),
                           PostgresImportedRows())


async def test_a_row_sent_again_with_a_new_id_is_a_duplicate_of_the_first_and_recorded_once(importing, pool):
    async with pool.acquire() as connection:
        first = await importing.report_once(connection, REPORT, OFFICER, TODAY)
        again = await importing.report_once(connection, replace(REPORT, outreach_id=uuid.uuid4()), OFFICER, TODAY)
        stored = await connection.fetchval("SELECT count(*) FROM outreach_reports WHERE quantity = 300")
    assert (first.duplicate, again.duplicate, again.record_id, stored) == (False, True, REPORT.outreach_id, 1)


async def test_a_row_the_use_case_refuses_leaves_no_claim_and_is_recorded_once_it_may_be(importing, pool):
    async with pool.acquire() as connection:
        with pytest.raises(Forbidden):
            async with connection.transaction():
                await importing.launch_once(connection, LAUNCH, ELSEWHERE, TODAY)
        async with connection.transaction():
            written = await importing.launch_once(connection, LAUNCH, OFFICER, TODAY)
        listed = [model.model_id for model in await models_of(connection, "01", ("00004",))]
    assert (written.duplicate, written.record_id, listed.count(LAUNCH.model_id)) == (False, LAUNCH.model_id, 1)


async def test_two_imports_of_one_row_at_the_same_moment_record_it_once(importing, pool):
    report = replace(REPORT, outreach_id=uuid.uuid4(), quantity=301)
    first_claimed = asyncio.Event()

    async def first() -> bool:
        async with pool.acquire() as connection, connection.transaction():
            written = await importing.report_once(connection, report, OFFICER, TODAY)
            first_claimed.set()
            await asyncio.sleep(0.3)  # the second waits on the claim until this commits
            return written.duplicate

    async def second() -> bool:
        await first_claimed.wait()
        async with pool.acquire() as connection, connection.transaction():
            written = await importing.report_once(connection, replace(report, outreach_id=uuid.uuid4()), OFFICER,
                                                  TODAY)
            return written.duplicate

    assert await asyncio.gather(first(), second()) == [False, True]
    async with pool.acquire() as connection:
        assert await connection.fetchval("SELECT count(*) FROM outreach_reports WHERE quantity = 301") == 1
