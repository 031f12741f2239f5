"""Models, outreach and sponsorship ends projected into stats' read models against the real PostgreSQL: a model's
covered communes and its end written by the batch, a replayed launch changing nothing, a province-wide report kept
without a commune, a sponsorship's end in its case's place, counted once when replayed; the figures then read them."""

import uuid
from datetime import UTC, date, datetime

import hoanhap.contracts as c
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.supervision import figures
from hoanhap_stats.supervision.projection import write_supervision_batch

A, B = "00004", "00007"
YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))
MODEL = uuid.uuid4()
LAUNCHED = c.ModelLaunched(model_id=MODEL, title="Tổ tự quản liên phường", level="commune", province_code="01",
                           commune_codes=(B, A), launched_on=date(2025, 3, 1))
ENDED = c.ModelEnded(model_id=MODEL, province_code="01", commune_codes=(B, A), ended_on=date(2025, 11, 30))
PROVINCE_WIDE = c.OutreachLogged(outreach_id=uuid.uuid4(), activity="document_handout", quantity=500,
                                 province_code="01", commune_code=None, held_on=date(2025, 4, 1))


def envelope(event: c.IntegrationEvent) -> c.Envelope:
    return c.Envelope(id=uuid.uuid4(), time=datetime.now(UTC), stream_version=1, correlation_id="test", data=event)


async def test_a_projected_model_covers_its_communes_until_its_end_and_counts_once_in_the_province(pool):
    async with pool.acquire() as connection, connection.transaction():
        await write_supervision_batch(connection, [envelope(LAUNCHED)])
        await write_supervision_batch(connection, [envelope(LAUNCHED), envelope(ENDED)])
    async with pool.acquire() as connection:
        covered = await connection.fetch("SELECT commune_code FROM local_model_communes ORDER BY commune_code")
        assert [row["commune_code"] for row in covered] == [A, B]
        for place in (("01", A), ("01", B), ("01", None)):
            assert (await figures.models_by_level(connection, Selection(*YEAR_2025, *place)))["commune"] == (1, 0)
        before_its_end = Selection(date(2025, 1, 1), date(2025, 11, 29), "01", A)
        assert (await figures.models_by_level(connection, before_its_end))["commune"] == (1, 1)


async def test_a_projected_province_wide_report_counts_in_the_province_only(pool):
    async with pool.acquire() as connection, connection.transaction():
        await write_supervision_batch(connection, [envelope(PROVINCE_WIDE)])
    async with pool.acquire() as connection:
        in_province = await figures.outreach_by_activity(connection, Selection(*YEAR_2025, "01"))
        in_a = await figures.outreach_by_activity(connection, Selection(*YEAR_2025, "01", A))
    assert in_province["document_handout"] == {"held": 1, "quantity": 500, "attendance": None}
    assert in_a["document_handout"] == {"held": 0, "quantity": 0, "attendance": None}


async def test_a_projected_sponsorships_end_counts_once_in_its_cases_place(pool):
    person, case = uuid.uuid4(), uuid.uuid4()
    opened = c.SupervisionOpened(person_id=person, case_id=case, province_code="01", commune_code=B,
                                 opened_on=date(2025, 1, 5), commitment_signed=True)
    sponsors = [c.SponsorAssigned(person_id=person, case_id=case, sponsor_kind=kind, assigned_on=date(2025, 2, 1))
                for kind in ("individual", "business")]
    ended = envelope(c.SponsorshipEnded(person_id=person, case_id=case, ended_on=date(2025, 8, 1)))
    async with pool.acquire() as connection, connection.transaction():
        await write_supervision_batch(connection, [envelope(opened), *map(envelope, sponsors), ended])
        await write_supervision_batch(connection, [ended])
    async with pool.acquire() as connection:
        assert await figures.sponsorship_ends(connection, Selection(*YEAR_2025, "01", B)) == (1, 1)
        assert await figures.sponsorship_ends(connection, Selection(*YEAR_2025, "01", A)) == (0, 0)
