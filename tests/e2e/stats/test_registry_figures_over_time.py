"""Registry events produced to Kafka give stats' figures by the place and status at the time of each fact, as
counted by hand below: a withdrawn arrest counts nowhere, an erased person is managed until the day of the erasure,
a cohort counts only people followed for the whole months, and a move leaves the past where it happened.

Only this test registers people in Cần Thơ (92). Communes A, B (2024-2025) and C (releases relative to today):
- P1 released in A on 2024-02-01; arrested 2024-05-01, the arrest later withdrawn (acquittal).
- P2 released in A on 2024-03-01; convicted for 2024-06-01; moved to B on 2024-09-01; then convicted for
  2024-08-01 (recorded after the move, committed in A) and for 2024-11-01 (in B).
- P3 released in A on 2024-04-01, case open, erased on 2024-06-30 (Vietnam's day).
- P4 released in B on 2024-05-01, case open.
- In C, released on the first of a month: P5 2 months ago, reoffending a month after; P6 and P7 14 months ago, P7
  reoffending 3 months after release.
"""

import asyncio
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime

import asyncpg
import httpx
import pytest

import hoanhap.contracts as c
from hoanhap.vietnam_time import vietnam_today
from tests.support.consuming import message_of, produce
from tests.support.feed import read_feed
from tests.support.releases import release
from tests.support.services import officer_headers, running_service

PROVINCE, A, B, C = "92", "31120", "31135", "31147"
OFFICER = officer_headers(PROVINCE)
YEAR_2024 = {"from": "2024-01-01", "to": "2024-12-31"}
YEAR_2025 = {"from": "2025-01-01", "to": "2025-12-31"}
P1, P2, P3, P4, P5, P6, P7 = (uuid.uuid4() for _ in range(7))
ARREST = uuid.uuid4()


def months_before(day: date, months: int) -> date:
    """The first of the month `months` before the day's month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


THIS_MONTH = months_before(vietnam_today(), 0)
RECENT, YEAR_AGO = months_before(THIS_MONTH, 2), months_before(THIS_MONTH, 14)


def released(person: uuid.UUID, commune: str, on: date) -> c.ReleaseRegistered:
    return release(person).model_copy(update={"province_code": PROVINCE, "commune_code": commune,
                                              "release_date": on, "notified_on": on})


def reoffence(person: uuid.UUID, committed_on: date, status: c.ReoffenceStatus = c.ReoffenceStatus.NEW_CONVICTION,
              reoffence_id: uuid.UUID | None = None) -> c.ReoffenceRecorded:
    return c.ReoffenceRecorded(person_id=person, reoffence_id=reoffence_id or uuid.uuid4(), committed_on=committed_on,
                               offence_articles=[173], status=status)


def history() -> list[c.IntegrationEvent]:
    return [
        released(P1, A, date(2024, 2, 1)),
        reoffence(P1, date(2024, 5, 1), c.ReoffenceStatus.ARREST_PENDING_TRIAL, ARREST),
        reoffence(P1, date(2024, 5, 1), c.ReoffenceStatus.ARREST_WITHDRAWN, ARREST),
        released(P2, A, date(2024, 3, 1)), reoffence(P2, date(2024, 6, 1)),
        c.ResidenceChanged(person_id=P2, previous_province_code=PROVINCE, previous_commune_code=A,
                           province_code=PROVINCE, commune_code=B, moved_on=date(2024, 9, 1)),
        reoffence(P2, date(2024, 8, 1)), reoffence(P2, date(2024, 11, 1)),
        released(P3, A, date(2024, 4, 1)),
        c.PersonErased(person_id=P3, erased_at=datetime(2024, 6, 30, 10, 0, tzinfo=UTC)),
        released(P4, B, date(2024, 5, 1)),
        released(P5, C, RECENT), reoffence(P5, months_before(THIS_MONTH, 1)),
        released(P6, C, YEAR_AGO), released(P7, C, YEAR_AGO), reoffence(P7, months_before(THIS_MONTH, 11))]


@pytest.fixture(scope="module")
def stats(database_url, kafka_bootstrap_servers, tmp_path_factory) -> Iterator[httpx.Client]:
    asyncio.run(produce(kafka_bootstrap_servers, [message_of(event, c.REGISTRY_TOPIC) for event in history()]))
    log = tmp_path_factory.mktemp("stats") / "stats.log"
    with running_service("stats", database_url, kafka_bootstrap_servers, log,
                         consumer_group=f"registry-figures-{uuid.uuid4().hex[:6]}") as url, \
            httpx.Client(base_url=url, timeout=30) as client:
        asyncio.run(projected(database_url))
        yield client


async def projected(database_url: str, timeout: float = 60) -> None:
    """Wait until every event above is in the read models: 7 releases, 6 reoffences, the withdrawal, the erasure."""
    connection = await asyncpg.connect(database_url, server_settings={"search_path": "stats"})
    people = [P1, P2, P3, P4, P5, P6, P7]
    deadline = time.monotonic() + timeout
    try:
        while True:
            row = await connection.fetchrow(
                "SELECT (SELECT count(*) FROM releases WHERE person_id = ANY($1::uuid[])) AS releases, "
                "(SELECT count(*) FROM releases WHERE person_id = ANY($1::uuid[]) AND erased) AS erased, "
                "(SELECT count(*) FROM reoffences WHERE person_id = ANY($1::uuid[])) AS reoffences, "
                "(SELECT count(*) FROM reoffences WHERE reoffence_id = $2 AND status = 'arrest_withdrawn') AS gone",
                people, ARREST)
            if tuple(row) == (7, 1, 6, 1):
                return
            assert time.monotonic() < deadline, f"stats did not project the events: {dict(row)}"
            await asyncio.sleep(0.2)
    finally:
        await connection.close()


def figure(stats: httpx.Client, path: str, period: dict, **place: object) -> dict:
    answer = stats.get(path, params={**period, "province_code": PROVINCE, **place}, headers=OFFICER)
    assert answer.status_code == 200, answer.text
    return answer.json()


def counts(answer: dict) -> tuple[int, int]:
    return answer["numerator"], answer["denominator"]


def test_the_cohort_leaves_out_the_withdrawn_arrest_and_stays_where_its_people_were_released(stats):
    in_a = figure(stats, "/v1/recidivism/cohort", YEAR_2024, commune_code=A, months=12)
    in_b = figure(stats, "/v1/recidivism/cohort", YEAR_2024, commune_code=B, months=12)
    assert counts(in_a) == (1, 3), "P1, P2, P3 released in A; only P2 reoffended (P1's arrest was withdrawn)"
    assert counts(in_b) == (0, 1), "P4; P2 moved to B but was released in A"


def test_the_period_rate_counts_each_fact_in_the_commune_of_its_time(stats):
    assert counts(figure(stats, "/v1/recidivism/period", YEAR_2024, commune_code=A)) == (2, 3), \
        "P2's reoffences of June and August over P1, P2 (till September), P3 (till the erasure)"
    assert counts(figure(stats, "/v1/recidivism/period", YEAR_2024, commune_code=B)) == (1, 2), \
        "P2's reoffence of November over P2 (from September) and P4"
    assert counts(figure(stats, "/v1/recidivism/period", YEAR_2024)) == (3, 4), "each person once in the province"


def test_an_erased_person_is_no_longer_managed_after_the_erasure(stats):
    assert counts(figure(stats, "/v1/recidivism/period", YEAR_2025, commune_code=A)) == (0, 1), "P1 only"
    assert counts(figure(stats, "/v1/recidivism/period", YEAR_2025, commune_code=B)) == (0, 2), "P2 and P4"


def test_the_cohort_counts_only_people_followed_for_the_whole_months_and_says_how_many_await(stats):
    since = {"from": months_before(THIS_MONTH, 15).isoformat(), "to": vietnam_today().isoformat()}
    cohort = figure(stats, "/v1/recidivism/cohort", since, commune_code=C, months=12)
    assert counts(cohort) == (1, 2), "P6 and P7 followed 12 months, P7 reoffended; P5's 12 months are not over"
    assert (cohort["released"], cohort["awaiting_follow_up"]) == (3, 1)


def test_the_running_totals_follow_the_same_rules(stats):
    answer = stats.get(f"/v1/provinces/{PROVINCE}/communes", headers=OFFICER)
    assert answer.status_code == 200, answer.text
    table = {row["commune_code"]: (row["people_managed"], row["reoffences"]) for row in answer.json()["communes"]
             if row["people_managed"] or row["reoffences"]}
    assert table == {A: (1, 2), B: (2, 1), C: (3, 2)}, "A: P1 managed, P2's June and August reoffences"


def test_the_jurisdiction_feed_takes_the_withdrawn_arrest_back(stats, database_url):
    last = asyncio.run(last_feed_id(database_url))
    messages = read_feed(stats, lambda ms: ms[-1]["id"] == last, headers=OFFICER)
    values = [m["value"] for m in messages if m["commune_code"] == A and m["figure"] == "reoffences"]
    assert values[-1] == 2, "P2's June and August reoffences"
    assert sum(1 for before, after in zip(values, values[1:], strict=False) if after == before - 1) == 1, \
        "the withdrawal took P1's arrest back: the one step down in A's reoffences"


async def last_feed_id(database_url: str) -> int:
    """The id of the province's newest change on the feed (everything is projected by now)."""
    connection = await asyncpg.connect(database_url, server_settings={"search_path": "stats"})
    try:
        return await connection.fetchval("SELECT max(id) FROM feed WHERE province_code = $1", PROVINCE)
    finally:
        await connection.close()
