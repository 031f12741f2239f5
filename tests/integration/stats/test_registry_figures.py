"""The registry's figures in SQL, against the real PostgreSQL: events projected one batch at a time through stats'
projection (so every later batch reads back what the earlier ones wrote), then the running totals, the period rate
and the cohort rate compared with counts made by hand. Province 01; communes A and B; one fresh schema per test
(conftest.py)."""

import uuid
from datetime import UTC, date, datetime

import asyncpg

import hoanhap.contracts as c
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.registry.cohort import Cohort, cohort_rate
from hoanhap_stats.registry.figures import communes_of, period_rate, releases_by_type
from hoanhap_stats.registry.projection import project_registry_events
from tests.support.releases import release

A, B = "00004", "00007"
YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))
WITHDRAWN, PENDING, CONVICTED = (c.ReoffenceStatus.ARREST_WITHDRAWN, c.ReoffenceStatus.ARREST_PENDING_TRIAL,
                                 c.ReoffenceStatus.NEW_CONVICTION)


async def project(pool: asyncpg.Pool, *events: c.IntegrationEvent) -> None:
    """Each event in a batch of its own, as the live consumer may give them."""
    for event in events:
        envelope = c.Envelope(id=uuid.uuid4(), time=datetime.now(UTC), stream_version=1,
                              correlation_id=str(uuid.uuid4()), data=event)
        async with pool.acquire() as connection, connection.transaction():
            await project_registry_events(connection, [envelope])


def released(person: uuid.UUID, commune: str, on: date, age: int = 35) -> c.ReleaseRegistered:
    return release(person).model_copy(update={"commune_code": commune, "release_date": on, "notified_on": on,
                                              "age_at_release": age})


def reoffence(person: uuid.UUID, committed_on: date, status: c.ReoffenceStatus = CONVICTED,
              reoffence_id: uuid.UUID | None = None) -> c.ReoffenceRecorded:
    return c.ReoffenceRecorded(person_id=person, reoffence_id=reoffence_id or uuid.uuid4(), committed_on=committed_on,
                               offence_articles=[173], status=status)


def moved(person: uuid.UUID, commune: str, on: date) -> c.ResidenceChanged:
    return c.ResidenceChanged(person_id=person, previous_province_code="01", previous_commune_code=A,
                              province_code="01", commune_code=commune, moved_on=on)


async def totals(pool: asyncpg.Pool) -> dict[str, tuple[int, int]]:
    """The running totals: (people managed, reoffences) per commune with any."""
    async with pool.acquire() as connection:
        return {row["commune_code"]: (row["people_managed"], row["reoffences"])
                for row in await communes_of(connection, "01") if row["people_managed"] or row["reoffences"]}


async def period(pool: asyncpg.Pool, start: date, end: date, commune: str | None = None) -> tuple[int, int]:
    async with pool.acquire() as connection:
        return await period_rate(connection, Selection(start, end, "01", commune))


async def cohort(pool: asyncpg.Pool, commune: str | None, months: int, today: date) -> Cohort:
    async with pool.acquire() as connection:
        return await cohort_rate(connection, Selection(*YEAR_2025, "01", commune), months, today)


async def test_a_withdrawn_arrest_counts_in_no_figure_and_takes_back_what_it_counted(pool):
    p, q, arrest = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await project(pool, released(p, A, date(2025, 1, 10)), released(q, A, date(2025, 1, 10)),
                  reoffence(p, date(2025, 3, 1), PENDING, arrest), reoffence(q, date(2025, 4, 1)))
    assert await totals(pool) == {A: (2, 2)}

    await project(pool, reoffence(p, date(2025, 3, 1), WITHDRAWN, arrest))

    assert await totals(pool) == {A: (2, 1)}, "the withdrawal moved the running total back"
    assert await period(pool, *YEAR_2025, A) == (1, 2), "q's conviction only"
    assert await cohort(pool, A, 12, date(2026, 6, 1)) == Cohort(released=2, followed=2, reoffended=1)


async def test_erasing_an_open_case_ends_management_on_the_day_of_the_erasure_in_vietnam(pool):
    p, q = uuid.uuid4(), uuid.uuid4()
    await project(pool, released(p, A, date(2024, 1, 10)), released(q, A, date(2024, 1, 10)),
                  c.PersonErased(person_id=p, erased_at=datetime(2025, 3, 31, 18, 0, tzinfo=UTC)))  # 1 April in VN

    assert await totals(pool) == {A: (1, 0)}
    assert await period(pool, date(2025, 4, 1), date(2025, 4, 30), A) == (0, 2), "managed until the erasure's day"
    assert await period(pool, date(2025, 4, 2), date(2025, 12, 31), A) == (0, 1), "and no longer after it"


async def test_the_cohort_counts_only_people_followed_for_the_whole_months(pool):
    early, on_the_day, a_day_late, recent = (uuid.uuid4() for _ in range(4))
    await project(pool, released(early, A, date(2025, 1, 10)), reoffence(early, date(2025, 6, 1)),
                  released(on_the_day, A, date(2025, 6, 30)), released(a_day_late, A, date(2025, 7, 1)),
                  released(recent, A, date(2025, 11, 20)), reoffence(recent, date(2025, 12, 1)))

    # 30 June 2025 + 12 months is 30 June 2026: followed on that day; 1 July 2025's release is not yet
    assert await cohort(pool, A, 12, date(2026, 6, 30)) == Cohort(released=4, followed=2, reoffended=1)
    assert await cohort(pool, A, 12, date(2026, 11, 20)) == Cohort(released=4, followed=4, reoffended=2)


async def test_figures_count_each_fact_where_the_person_lived_at_the_time(pool):
    p = uuid.uuid4()
    await project(pool, released(p, A, date(2025, 1, 10)), reoffence(p, date(2025, 3, 1)),
                  moved(p, B, date(2025, 6, 1)), reoffence(p, date(2025, 8, 1)),
                  reoffence(p, date(2025, 5, 1)))  # recorded after the move, committed before it

    assert await totals(pool) == {A: (0, 2), B: (1, 1)}
    assert await period(pool, *YEAR_2025, A) == (2, 1)
    assert await period(pool, *YEAR_2025, B) == (1, 1)
    assert await period(pool, *YEAR_2025) == (3, 1), "once in the province"
    assert await period(pool, date(2025, 7, 1), date(2025, 12, 31), A) == (0, 0), "gone from A before July"
    assert (await cohort(pool, A, 6, date(2026, 1, 1))).released == 1, "a cohort stays where it was released"
    assert (await cohort(pool, B, 6, date(2026, 1, 1))).released == 0


async def test_a_move_recorded_late_takes_the_later_reoffences_along(pool):
    p = uuid.uuid4()
    await project(pool, released(p, A, date(2025, 1, 10)), reoffence(p, date(2025, 3, 1)),
                  reoffence(p, date(2025, 8, 1)), moved(p, B, date(2025, 6, 1)))

    assert await totals(pool) == {A: (0, 1), B: (1, 1)}
    assert await period(pool, *YEAR_2025, B) == (1, 1)


async def test_the_age_band_filter_includes_both_ends_of_each_band(pool):
    ages = [17, 18, 29, 30]
    await project(pool, *(released(uuid.uuid4(), A, date(2025, 2, 1), age) for age in ages))

    async def released_aged(band: str) -> int:
        async with pool.acquire() as connection:
            return sum((await releases_by_type(connection, Selection(*YEAR_2025, "01", A, age_band=band))).values())

    assert {band: await released_aged(band) for band in ("14-17", "18-29", "30-44")} == {
        "14-17": 1, "18-29": 2, "30-44": 1}
