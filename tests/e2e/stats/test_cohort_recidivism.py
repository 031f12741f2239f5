"""Releases and reoffences registered through the registry's HTTP API give stats' cohort recidivism exactly."""

import asyncio
import concurrent.futures
import os
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import asyncpg
import httpx
import pytest

import hoanhap.contracts as c
from hoanhap.contracts import KafkaMessage
from hoanhap_devstack.databases import create_database
from tests.support.consuming import message_of, produce
from tests.support.feed import read_feed
from tests.support.services import officer_headers, release_body, running_registry, running_service

COMMUNE = "00025"  # only this test registers people in Phường Giảng Võ, and only in 2024
# person: (release date, reoffences as (committed on, status, settles the arrest before it))
CASES = {
    "A": ("2024-01-10", [("2024-05-01", "new_conviction")]),                                # within 6 months
    "B": ("2024-01-20", [("2024-09-15", "arrest_pending_trial"), ("2024-09-15", "new_conviction")]),  # 8 months
    "C": ("2024-02-01", [("2025-06-01", "new_conviction")]),                                # 16 months
    "D": ("2024-02-15", []),
    "E": ("2024-03-01", []),  # special amnesty
    "F": ("2024-03-10", []),
}
EXPECTED = {6: (1, 6), 12: (2, 6), 24: (3, 6)}  # months: (numerator, denominator), counted by hand
# (36 months is left out: only people followed for the whole months count, and this cohort's 36 months end between
# 2027-01-10 and 2027-03-10, so the figure changes with the date it is asked on)


@pytest.fixture(scope="module")
def stats_db(endpoints):
    return asyncio.run(create_database(endpoints, f"cohort_stats_{uuid.uuid4().hex[:6]}"))


@pytest.fixture(scope="module")
def services(endpoints, kafka_bootstrap_servers, tmp_path_factory, stats_db):
    logs = tmp_path_factory.mktemp("services")
    registry_db = asyncio.run(create_database(endpoints, f"cohort_registry_{uuid.uuid4().hex[:6]}"))
    with running_registry(registry_db, kafka_bootstrap_servers, logs / "registry.log") as registry_url, \
            running_service("stats", stats_db, kafka_bootstrap_servers, logs / "stats.log") as stats_url, \
            httpx.Client(base_url=registry_url, timeout=30) as registry, \
            httpx.Client(base_url=stats_url, timeout=30) as stats:
        yield registry, stats


def register_cases(registry: httpx.Client) -> None:
    headers = officer_headers()
    for name, (released_on, reoffences) in CASES.items():
        person = registry.post("/v1/releases", headers=headers, json=release_body(
            commune_code=COMMUNE, release_date=released_on, notified_on=released_on,
            release_type="special_amnesty" if name == "E" else "completed_sentence")).json()["person_id"]
        arrest = None
        for committed_on, status in reoffences:
            answer = registry.post(f"/v1/people/{person}/reoffences", headers=headers, json={
                "committed_on": committed_on, "offence_articles": [173], "status": status, "arrest_id": arrest})
            assert answer.status_code == 200, answer.text
            arrest = answer.json()["reoffence_id"] if status == "arrest_pending_trial" else None


def cohort(stats: httpx.Client, months: int, headers: dict | None = None) -> dict:
    answer = stats.get("/v1/recidivism/cohort", headers=officer_headers() if headers is None else headers, params={
        "from": "2024-01-01", "to": "2024-03-31", "months": months, "commune_code": COMMUNE}).json()
    assert "numerator" in answer, answer
    return answer


YEAR_2024 = {"from": "2024-01-01", "to": "2024-12-31", "commune_code": COMMUNE}


def test_cohort_rates_equal_the_hand_computed_numerators_and_denominators(services):
    registry, stats = services
    register_cases(registry)

    deadline = time.monotonic() + 60
    while (cohort(stats, 24)["numerator"], cohort(stats, 24)["denominator"]) != EXPECTED[24]:
        assert time.monotonic() < deadline, f"stats never caught up: {cohort(stats, 24)}"
        time.sleep(0.2)

    for months, (numerator, denominator) in EXPECTED.items():
        figure = cohort(stats, months)
        assert (figure["numerator"], figure["denominator"]) == (numerator, denominator), months
        assert figure["rate"] == numerator / denominator
    longest = cohort(stats, 36)
    assert longest["denominator"] + longest["awaiting_follow_up"] == longest["released"] == 6, "followed or awaiting"


def test_period_rate_counts_reoffences_in_the_year_over_people_managed_in_it(services):
    _, stats = services
    figure = stats.get("/v1/recidivism/period", params=YEAR_2024, headers=officer_headers()).json()
    assert (figure["numerator"], figure["denominator"]) == (2, 6)  # A and B's one reoffence in 2024; C's is 2025


def test_public_figures_withhold_small_cells_and_what_would_give_them_away(services):
    _, stats = services
    public_cohort = stats.get("/v1/recidivism/cohort", params={**YEAR_2024, "months": 12}).json()
    releases = stats.get("/v1/releases", params=YEAR_2024).json()
    seen_by_officer = stats.get("/v1/releases", params=YEAR_2024, headers=officer_headers()).json()

    assert public_cohort["suppressed"] and public_cohort["numerator"] is None and public_cohort["rate"] is None
    assert seen_by_officer["by_release_type"] == {"completed_sentence": 5, "special_amnesty": 1}
    assert seen_by_officer["disclosure"]["view"] == "jurisdiction" and releases["disclosure"]["view"] == "public"
    assert releases["total"] == 6
    assert releases["by_release_type"] == {"completed_sentence": None, "special_amnesty": None}


def test_feed_pushes_each_change_with_its_new_value_and_resumes_after_last_event_id(services):
    registry, stats = services

    def managed_here(messages: list[dict]) -> list[int]:
        return [m["value"] for m in messages if m["commune_code"] == COMMUNE and m["figure"] == "people_managed"]

    seen = read_feed(stats, lambda ms: len(managed_here(ms)) >= len(CASES))
    registry.post("/v1/releases", headers=officer_headers(), json=release_body(
        commune_code=COMMUNE, release_date="2024-06-01", notified_on="2024-06-01"))
    after = read_feed(stats, lambda ms: len(CASES) + 1 in managed_here(ms), last_event_id=seen[-1]["id"])

    assert managed_here(seen)[: len(CASES)] == list(range(1, len(CASES) + 1)), "each change carries its new value"
    assert after[0]["id"] == seen[-1]["id"] + 1, "resuming starts right after Last-Event-ID"
    lag = stats.get("/v1/lag").json()["projection_lag_seconds"]
    assert lag is not None and lag >= 0


def test_feed_after_latest_sends_only_changes_made_after_connecting(services, stats_db):
    registry, stats = services
    newest = read_feed(stats, lambda ms: len(ms) >= 1)  # from the start
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        live = pool.submit(read_feed, stats, lambda ms: len(ms) >= 1, None, None, {"after": "latest"})
        time.sleep(1.0)
        registry.post("/v1/releases", headers=officer_headers(), json=release_body(
            commune_code=COMMUNE, release_date="2024-07-01", notified_on="2024-07-01"))
        first = live.result(timeout=30)[0]
    first_here = min(row[0] for row in asyncio.run(feed_rows(stats_db))  # other tests' provinces, and loans,
                     if row[3] == "01" and not row[2].startswith("loans_"))  # which the police's feed leaves out
    assert newest[0]["id"] == first_here, "without a starting point the feed replays from the jurisdiction's first"
    assert first["commune_code"] == COMMUNE and first["figure"] == "people_managed" and first["id"] > 1


def test_figures_break_down_by_release_type_sex_age_band_and_offence_group(services):
    _, stats = services

    def denominator(**filters: str) -> int:
        answer = stats.get("/v1/recidivism/cohort", headers=officer_headers(), params={
            "from": "2024-01-01", "to": "2024-03-31", "months": 12, "commune_code": COMMUNE, **filters})
        assert answer.status_code == 200, answer.text
        return answer.json()["denominator"]

    assert denominator(release_type="special_amnesty") == 1
    assert denominator(sex="male") == 6 and denominator(sex="female") == 0
    assert denominator(age_band="30-44") == 6 and denominator(age_band="18-29") == 0  # born 1990, released 2024
    assert denominator(offence_group="property") == 6 and denominator(offence_group="drugs") == 0
    refused = stats.get("/v1/recidivism/cohort", params={"from": "2024-01-01", "to": "2024-03-31",
                                                         "age_band": "young"})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["query", "age_band"]


TRACKING_TABLES = {"consumer_offsets", "processed_events", "schema_migrations", "feed"}


async def read_models(database_url: str) -> dict[str, list[tuple]]:
    """Every read-model table of stats' schema, its rows in a fixed order."""
    connection = await asyncpg.connect(database_url, server_settings={"search_path": "stats"})
    try:
        tables = [row["tablename"] for row in await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'stats' ORDER BY tablename")]
        return {table: sorted((tuple(row) for row in await connection.fetch(f'SELECT * FROM "{table}"')), key=repr)
                for table in tables if table not in TRACKING_TABLES}
    finally:
        await connection.close()


def supervision_and_credit_events() -> list[KafkaMessage]:
    """One person of the commune supervised, visited and lent to, as those services would publish it."""
    person, case, loan = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    here = {"province_code": "01", "commune_code": COMMUNE}
    borrower = {"kind": "individual", "person_id": person}
    supervision = [
        c.SupervisionOpened(person_id=person, case_id=case, **here, opened_on=date(2024, 4, 1), commitment_signed=True),
        c.VisitLogged(person_id=person, case_id=case, visit_id=uuid.uuid4(), kind="home_visit",
                      visited_on=date(2024, 4, 9)),
        c.RiskGroupAssessed(person_id=person, case_id=case, risk_group="B", assessed_on=date(2024, 4, 9))]
    credit = [
        c.LoanApplied(loan_id=loan, borrower=borrower, purpose="production", amount_requested=50_000_000,
                      term_months=36, **here, applied_on=date(2024, 5, 2)),
        c.LoanApproved(loan_id=loan, borrower=borrower, approved_amount=40_000_000, annual_interest_rate_bp=660,
                       term_months=36, secured=False, approved_on=date(2024, 5, 20)),
        c.LoanDisbursed(loan_id=loan, borrower=borrower, amount=40_000_000, disbursed_on=date(2024, 6, 1),
                        final_due_on=date(2027, 6, 1))]
    return [*(message_of(event, c.SUPERVISION_TOPIC) for event in supervision),
            *(message_of(event, c.CREDIT_TOPIC) for event in credit)]


async def projected_to_the_end(database_url: str, timeout: float = 60) -> dict[str, list[tuple]]:
    """The read models once the last supervision event (the risk assessment) and the last credit event (the
    disbursement, which makes the loan outstanding) are projected."""
    deadline = time.monotonic() + timeout
    while True:
        models = await read_models(database_url)
        assessed = any("B" in case for case in models["supervision_cases"])
        if assessed and ("loans_outstanding", "01", COMMUNE, 1) in models["commune_totals"]:
            return models
        assert time.monotonic() < deadline, "stats did not project the supervision and credit events"
        await asyncio.sleep(0.2)


def test_rebuild_replays_every_topic_into_fresh_tables_equal_to_the_live_ones_while_answering(
        services, stats_db, kafka_bootstrap_servers, tmp_path):
    _, stats = services
    asyncio.run(produce(kafka_bootstrap_servers, supervision_and_credit_events()))
    live = asyncio.run(projected_to_the_end(stats_db))
    settled_cohort = cohort(stats, 36)
    feed = asyncio.run(feed_rows(stats_db))
    env = {**os.environ, "DATABASE_URL": stats_db, "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap_servers}
    rebuilding = subprocess.Popen([str(Path(sys.executable).parent / "hoanhap-stats"), "rebuild"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    answers = []
    while rebuilding.poll() is None:
        answers.append(stats.get("/v1/recidivism/cohort", headers=officer_headers(), params={
            "from": "2024-01-01", "to": "2024-03-31", "months": 36, "commune_code": COMMUNE}).status_code)
        time.sleep(0.1)
    output = rebuilding.stdout.read() if rebuilding.stdout else ""

    assert rebuilding.returncode == 0, output[-3000:]
    assert "switched over" in output
    assert answers and set(answers) == {200}, "the service kept answering during the rebuild"
    rebuilt = asyncio.run(read_models(stats_db))
    assert {"releases", "reoffences", "commune_totals", "supervision_cases", "loans"} <= set(rebuilt)
    assert all(live[table] for table in ("releases", "supervision_cases", "supervision_visits", "loans"))
    assert rebuilt == live, "the rebuilt read models equal the live ones, row for row"
    assert cohort(stats, 36) == settled_cohort
    assert asyncio.run(feed_rows(stats_db)) == feed, "the live feed, ids and all, carried over"


async def feed_rows(database_url: str) -> list[tuple]:
    """The live feed's changes: id, when recorded, and what changed to what."""
    connection = await asyncpg.connect(database_url, server_settings={"search_path": "stats"})
    try:
        return [tuple(row) for row in await connection.fetch("SELECT * FROM feed ORDER BY id")]
    finally:
        await connection.close()
