"""A differencing attack on the public figures, through the real registry, Kafka, PostgreSQL and stats: a small
commune with two releases in the last closed year (one a woman, one a special amnesty, who reoffends) among larger
communes of its province. As the public and as tokens of other provinces and agencies, every query an attacker
would combine is either refused or leaves every withheld cell of every public table hidden among at least THRESHOLD
people; the province's steering committee and the commune's police see the exact figures, so suppression is not
for everyone. Credit: loans in the province over two closed years, one of the small commune approved in the year
after it was applied for and one of the large commune written off; no difference of public credit answers (cohort
against flows, the stock identity across two years' portfolios and the flows) gives either, and credit's figures
are exact for the steering committee and the bank of the place, not for the police.
"""

import asyncio
import time
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import httpx
import pytest

import hoanhap.contracts as c
from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.places import official_places
from hoanhap.vietnam_time import vietnam_today
from hoanhap_devstack.databases import create_database
from tests.support.consuming import message_of, produce
from tests.support.feed import read_feed, read_public_feed
from tests.support.services import bearer_headers, officer_headers, release_body, running_registry, running_service

THRESHOLD = 5
CLOSED = vietnam_today().year - 1  # the public sees closed calendar years only: the last one
OPEN = CLOSED + 1
PROVINCE, SMALL, MIDDLE, LARGE = "48", "20195", "20197", "20200"  # only this test registers in Đà Nẵng
RELEASED = {SMALL: 2, MIDDLE: 6, LARGE: 9}  # people released in the last closed year, by commune
YEAR = {"from": f"{CLOSED}-01-01", "to": f"{CLOSED}-12-31"}
PUBLIC_FEED_SECONDS = 1


def caller(agency: Agency, province: str = PROVINCE, communes: tuple[str, ...] = (),
           role: Role = Role.ANALYST) -> dict[str, str]:
    return bearer_headers(Principal(sub=f"{agency.value}-{role.value}", agency=agency, role=role,
                                    jurisdiction=Jurisdiction(province=province, communes=communes)))


OUTSIDERS = {
    "no token": {},
    "steering committee of another province": caller(Agency.STEERING_COMMITTEE, "79"),
    "police of another province": caller(Agency.POLICE, "79", role=Role.SUPERVISOR),
    "bank of the province": caller(Agency.BANK, role=Role.SUPERVISOR),
    "supervision of the province": caller(Agency.SUPERVISION, role=Role.OFFICER),
    "police of another commune": caller(Agency.POLICE, communes=("20224",), role=Role.OFFICER),
}
STEERING_COMMITTEE = caller(Agency.STEERING_COMMITTEE)
POLICE = officer_headers(PROVINCE)
COMMUNE_POLICE = caller(Agency.POLICE, communes=(SMALL,), role=Role.OFFICER)


CREDIT_OWN = {"bank of the province"}
"""Outsiders of the registry's and supervision's figures who see credit's exactly: the bank of the place."""
CREDIT_OUTSIDERS = {**{who: headers for who, headers in OUTSIDERS.items() if who not in CREDIT_OWN},
                    "police of the province": POLICE, "police of the small commune": COMMUNE_POLICE}
"""Who gets credit's public release: everyone but the steering committee and the bank of the place."""
M = 1_000_000
LOANS = {name: uuid.uuid4() for name in ("S1", *(f"N{n}" for n in range(5)), *(f"W{n}" for n in range(5)))}
"""S1: the small commune's one loan, applied for on 30 December of the year before the last closed one and
approved on 3 January of it; N0..N4: the large commune's loans of the last closed year; W0..W4: its loans paid
out the year before, W0 written off in the last closed one."""


@pytest.fixture(scope="module")
def services(endpoints, kafka_bootstrap_servers, tmp_path_factory) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    logs = tmp_path_factory.mktemp("differencing")
    registry_db = asyncio.run(create_database(endpoints, f"attack_registry_{uuid.uuid4().hex[:6]}"))
    stats_db = asyncio.run(create_database(endpoints, f"attack_stats_{uuid.uuid4().hex[:6]}"))
    with running_registry(registry_db, kafka_bootstrap_servers, logs / "registry.log") as registry_url, \
            running_service("stats", stats_db, kafka_bootstrap_servers, logs / "stats.log",
                            consumer_group=f"attack-{uuid.uuid4().hex[:6]}",
                            public_feed_seconds=str(PUBLIC_FEED_SECONDS)) as stats_url, \
            httpx.Client(base_url=registry_url, timeout=30) as registry, \
            httpx.Client(base_url=stats_url, timeout=60) as stats:
        register(registry)
        asyncio.run(produce(kafka_bootstrap_servers, [message_of(event, c.CREDIT_TOPIC) for event in loans()]))
        wait_until_projected(stats)
        wait_until_loans_projected(stats)
        yield registry, stats


def register(registry: httpx.Client) -> None:
    """The releases of the last closed year; the small commune's are a woman released on 5 January by special
    amnesty, who reoffends in March, and a man released on 20 June."""
    for commune, count in RELEASED.items():
        for n in range(count):
            special = commune == SMALL and n == 0
            released_on = f"{CLOSED}-01-05" if special else f"{CLOSED}-06-20"
            answer = registry.post("/v1/releases", headers=POLICE, json=release_body(
                province_code=PROVINCE, commune_code=commune, release_date=released_on, notified_on=released_on,
                sex="female" if special else "male",
                release_type="special_amnesty" if special else "completed_sentence"))
            assert answer.status_code == 201, answer.text
            if special:
                reoffence = registry.post(f"/v1/people/{answer.json()['person_id']}/reoffences",
                                          headers=POLICE, json={
                                              "committed_on": f"{CLOSED}-03-01", "offence_articles": [173],
                                              "status": "new_conviction"})
                assert reoffence.status_code == 200, reoffence.text


def wait_until_projected(stats: httpx.Client, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        answer = stats.get("/v1/recidivism/period", params={**YEAR, "province_code": PROVINCE},
                           headers=STEERING_COMMITTEE).json()
        if (answer.get("numerator"), answer.get("denominator")) == (1, sum(RELEASED.values())):
            return
        assert time.monotonic() < deadline, f"stats never caught up: {answer}"
        time.sleep(0.2)


def official_communes(province: str) -> list[str]:
    return [commune.code for commune in official_places().communes.values() if commune.province_code == province]


def get(stats: httpx.Client, path: str, headers: dict, **params: object) -> dict:
    answer = stats.get(path, params={**YEAR, **params}, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def assert_no_cell_can_be_worked_out(total: int | None, true_total: int, cells: dict[str, int | None],
                                     true_cells: dict[str, int]) -> None:
    """Total less the shown cells leaves either nothing withheld or at least THRESHOLD people among two or more
    withheld cells; a withheld total hides everything."""
    if total is None:
        assert all(value is None or value == 0 for value in cells.values()), cells
        return
    assert total == true_total
    withheld = [true_cells.get(code, 0) for code, value in cells.items() if value is None]
    shown = {code: value for code, value in cells.items() if value is not None}
    assert all(shown[code] == true_cells.get(code, 0) for code in shown), "shown cells are exact"
    assert total - sum(shown.values()) == sum(withheld)
    assert not withheld or (sum(withheld) >= THRESHOLD and len(withheld) >= 2), (cells, true_cells)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_the_province_table_leaves_every_withheld_commune_among_enough_people(services, who):
    _, stats = services
    table = get(stats, f"/v1/provinces/{PROVINCE}/communes", OUTSIDERS[who])
    cells = {row["commune_code"]: row["people_managed"] for row in table["communes"]}
    assert len(cells) == len(official_communes(PROVINCE)), "every official commune is listed, empty or not"

    assert table["disclosure"]["view"] == "public"
    assert cells[SMALL] is None, "the small commune is withheld"
    assert_no_cell_can_be_worked_out(table["people_managed"], sum(RELEASED.values()), cells, RELEASED)
    reoffences = {row["commune_code"]: row["reoffences"] for row in table["communes"]}
    assert table["reoffences"] is None and set(reoffences.values()) <= {None, 0}, "a total of 1 hides the table"


@pytest.mark.parametrize("who", OUTSIDERS)
def test_each_communes_answer_is_its_cell_in_the_province_table_so_no_two_answers_disagree(services, who):
    _, stats = services
    headers = OUTSIDERS[who]
    table = get(stats, f"/v1/provinces/{PROVINCE}/communes", headers)
    managed = {row["commune_code"]: row["people_managed"] for row in table["communes"]}
    for commune in RELEASED:
        period = get(stats, "/v1/recidivism/period", headers, commune_code=commune)
        releases = get(stats, "/v1/releases", headers, commune_code=commune)
        cohort = get(stats, "/v1/recidivism/cohort", headers, commune_code=commune, months=12)
        assert period["denominator"] == managed[commune], commune
        assert releases["total"] == managed[commune] == cohort["released"], commune
        assert set(releases["by_release_type"].values()) <= {None}, "no breakdown of a commune"
    province = get(stats, "/v1/releases", headers, province_code=PROVINCE)
    shown = [managed[commune] for commune in RELEASED if managed[commune] is not None]
    assert province["total"] - sum(shown) >= THRESHOLD, "the province less its shown communes hides enough"


@pytest.mark.parametrize("who", OUTSIDERS)
def test_differencing_queries_are_refused_naming_the_field(services, who):
    _, stats = services
    headers = OUTSIDERS[who]
    here = {"province_code": PROVINCE}
    attempts = [
        ({"from": f"{CLOSED}-01-05", "to": f"{CLOSED}-12-31", **here}, {"from", "to"}),  # overlapping day ranges
        ({"from": f"{CLOSED}-01-06", "to": f"{CLOSED}-12-31", **here}, {"from", "to"}),
        ({"from": f"{CLOSED}-01-01", "to": f"{CLOSED}-03-31", **here}, {"from", "to"}),  # a quarter
        ({"from": f"{OPEN}-01-01", "to": f"{OPEN}-12-31", **here}, {"from", "to"}),  # a year not closed yet
        ({**YEAR, **here, "sex": "female"}, {"sex"}),                       # filters and their complements
        ({**YEAR, **here, "sex": "male"}, {"sex"}),
        ({**YEAR, **here, "release_type": "special_amnesty"}, {"release_type"}),
        ({**YEAR, **here, "offence_group": "property"}, {"offence_group"}),
        ({**YEAR, **here, "age_band": "30-44"}, {"age_band"}),
        ({**YEAR}, {"province_code"}),                                       # a national margin
    ]
    for path in ("/v1/releases", "/v1/recidivism/period", "/v1/recidivism/cohort", "/v1/supervision/visits",
                 "/v1/credit/loans", "/v1/supervision/contact-compliance", "/v1/supervision/plan-areas",
                 "/v1/credit/activity", "/v1/credit/portfolio"):
        if path.startswith("/v1/credit/") and who in CREDIT_OWN:
            continue  # credit's figures are exact for the bank of the province (below)
        for params, fields in attempts:
            answer = stats.get(path, params=params, headers=headers)
            assert answer.status_code == 422, (path, params, answer.text)
            assert {problem["loc"][-1] for problem in answer.json()["detail"]} == fields, (path, answer.text)
    for months in (6, 11, 13, 24):
        answer = stats.get("/v1/recidivism/cohort", params={**YEAR, **here, "months": months}, headers=headers)
        assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["query", "months"], answer.text
    for params in ({}, {"from": f"{CLOSED}-01-05", "to": f"{CLOSED}-12-31"}):
        answer = stats.get(f"/v1/provinces/{PROVINCE}/communes", params=params, headers=headers)
        assert answer.status_code == 422, answer.text
        assert "closed calendar year" in answer.text


def test_the_public_cohort_withholds_reoffences_until_the_follow_up_is_complete(services):
    _, stats = services
    cohort = get(stats, "/v1/recidivism/cohort", {}, province_code=PROVINCE, months=12)
    assert cohort["follow_up_complete_on"] == f"{OPEN + 1}-01-01"
    assert cohort["numerator"] is None and cohort["rate"] is None and cohort["suppressed"]
    assert cohort["denominator"] is None and cohort["awaiting_follow_up"] is None, "it would rise day by day"
    assert cohort["released"] == sum(RELEASED.values()), "only the cohort's size is published"


@pytest.mark.parametrize("who", ["no token", "police of another province"])
def test_the_public_feed_from_the_start_carries_no_value_no_place_and_no_message_per_event(services, who):
    registry, stats = services
    seconds = 4 * PUBLIC_FEED_SECONDS
    with_start = {**OUTSIDERS[who], "Last-Event-ID": "0"}
    messages = read_public_feed(stats, seconds, headers=with_start, params={"after": "0"})
    registry.post("/v1/releases", headers=POLICE, json=release_body(
        province_code=PROVINCE, commune_code=SMALL, release_date=f"{OPEN}-01-01", notified_on=f"{OPEN}-01-01"))
    messages += read_public_feed(stats, seconds, headers=OUTSIDERS[who])
    changes = read_feed(stats, lambda ms: len(ms) >= sum(RELEASED.values()) + 1, headers=STEERING_COMMITTEE)

    notices = [message for message in messages if message.get("event")]
    assert len(notices) < len(changes), "fewer notices than changes: nothing to count events by"
    assert all(set(message) <= {"event", "lines"} for message in messages), messages
    assert {message["event"] for message in notices} <= {"figures-changed"}
    assert not any(line.startswith("id:") for message in messages for line in message.get("lines", []))
    assert len(notices) <= 2 * seconds / PUBLIC_FEED_SECONDS + 2, "at most one notice per interval"
    assert len(notices) >= 1, "the new release was announced, without its value"


def test_the_jurisdiction_feed_is_for_the_jurisdiction_only(services):
    _, stats = services
    assert stats.get("/v1/jurisdiction/feed").status_code == 401
    for who in ("bank of the province", "supervision of the province"):
        with stats.stream("GET", "/v1/jurisdiction/feed", headers=OUTSIDERS[who]) as answer:
            assert answer.status_code == 403, who
    own = read_feed(stats, lambda ms: len(ms) >= 3, headers=COMMUNE_POLICE)
    assert {message["commune_code"] for message in own} == {SMALL}, "the commune's police gets its commune only"
    assert [m["value"] for m in own if m["figure"] == "people_managed"][:2] == [1, 2], "exact, change by change"


def test_the_provinces_steering_committee_and_the_communes_police_see_the_exact_figures(services):
    _, stats = services
    table = get(stats, f"/v1/provinces/{PROVINCE}/communes", STEERING_COMMITTEE)
    assert table["disclosure"]["view"] == "jurisdiction"
    managed = {row["commune_code"]: row["people_managed"] for row in table["communes"]}
    assert {commune: count for commune, count in managed.items() if count} == RELEASED
    assert table["reoffences"] == 1
    for headers in (STEERING_COMMITTEE, COMMUNE_POLICE):
        releases = get(stats, "/v1/releases", headers, commune_code=SMALL)
        assert releases["total"] == 2 and releases["by_release_type"] == {"completed_sentence": 1, "special_amnesty": 1}
        women = get(stats, "/v1/releases", headers, commune_code=SMALL, sex="female",
                    **{"from": f"{CLOSED}-01-05"})
        assert women["total"] == 1, "any period and filter for the jurisdiction"
        cohort = get(stats, "/v1/recidivism/cohort", headers, commune_code=SMALL, months=6)
        assert (cohort["numerator"], cohort["denominator"]) == (1, 2)
    province_wide = get(stats, "/v1/releases", COMMUNE_POLICE, province_code=PROVINCE)
    assert province_wide["disclosure"]["view"] == "public", "a commune's police is public for the province"


BORROWERS = {name: uuid.uuid4() for name in LOANS}
"""Each loan's borrower, the same on all its events: they are keyed by it, so they share a partition, in order."""


def loan(name: str, event: type[c.CreditEvent], **fields: Any) -> c.IntegrationEvent:
    return event(loan_id=LOANS[name], borrower={"kind": "individual", "person_id": BORROWERS[name]}, **fields)


def lent(name: str, amount: int, year: int) -> list[c.IntegrationEvent]:
    """The large commune's loan applied for on 1 February, approved on 5 February and paid out on 10 February."""
    return [loan(name, c.LoanApplied, purpose="production", amount_requested=amount * M, term_months=36,
                 province_code=PROVINCE, commune_code=LARGE, applied_on=date(year, 2, 1)),
            loan(name, c.LoanApproved, approved_amount=amount * M, annual_interest_rate_bp=660, term_months=36,
                 secured=False, approved_on=date(year, 2, 5)),
            loan(name, c.LoanDisbursed, amount=amount * M, disbursed_on=date(year, 2, 10),
                 final_due_on=date(year + 3, 2, 10))]


def loans() -> list[c.IntegrationEvent]:
    """Five loans paid out the year before, one of them written off in the last closed year; five paid out in it;
    and the small commune's one, applied for on the last day but one of the year before and approved in it."""
    small = [loan("S1", c.LoanApplied, purpose="production", amount_requested=77 * M, term_months=36,
                  province_code=PROVINCE, commune_code=SMALL, applied_on=date(CLOSED - 1, 12, 30)),
             loan("S1", c.LoanApproved, approved_amount=77 * M, annual_interest_rate_bp=660, term_months=36,
                  secured=False, approved_on=date(CLOSED, 1, 3))]
    return [*(event for n in range(5) for event in lent(f"W{n}", 40, CLOSED - 1)),
            *(event for n in range(5) for event in lent(f"N{n}", 10, CLOSED)), *small,
            loan("W0", c.LoanWrittenOff, written_off_on=date(CLOSED, 6, 1), principal_written_off=40 * M,
                 interest_written_off=M)]


def wait_until_loans_projected(stats: httpx.Client, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while (answer := get(stats, "/v1/credit/activity", STEERING_COMMITTEE, province_code=PROVINCE)).get(
            "written_off") != 1 or answer.get("approved") != 6:
        assert time.monotonic() < deadline, f"stats never caught up with the loans: {answer}"
        time.sleep(0.2)


def identity_solved(start: int | None, paid_out: int | None, end: int | None, repaid: int | None) -> int | None:
    """What the stock identity says was written off: start + paid out - end - repaid (None: it cannot be solved)."""
    return None if None in (start, paid_out, end, repaid) else start + paid_out - end - repaid  # type: ignore


@pytest.mark.parametrize("who", CREDIT_OUTSIDERS)
def test_no_difference_of_public_credit_answers_gives_one_loan(services, who):
    _, stats = services
    headers, here = CREDIT_OUTSIDERS[who], {"province_code": PROVINCE}
    cohort = get(stats, "/v1/credit/loans", headers, **here)
    flows = get(stats, "/v1/credit/activity", headers, **here)
    end = get(stats, "/v1/credit/portfolio", headers, **here)
    start = get(stats, "/v1/credit/portfolio", headers, **here, **{"from": f"{CLOSED - 1}-01-01",
                                                                   "to": f"{CLOSED - 1}-12-31"})
    assert {cohort["disclosure"]["view"], flows["disclosure"]["view"]} == {"public"}
    assert (cohort["loans"], flows["approved"], flows["amounts_vnd"]["approved"]) == (5, 6, (50 + 77) * M)
    assert cohort["amounts_vnd"]["approved"] is None, "the period's approved less the cohort's would be S1's 77M"
    assert set(cohort["by_status"].values()) == {None}, "6 approved less the cohort's 5 would be S1"
    assert (start["loans_outstanding"], end["loans_outstanding"]) == (5, 9), "the stocks are public"
    assert flows["written_off"] is None and flows["amounts_vnd"]["written_off_principal"] is None
    assert identity_solved(start["loans_outstanding"], flows["disbursed"], end["loans_outstanding"],
                           flows["settled"]) is None, "5 + 5 - 9 - 0 would be W0"
    assert identity_solved(start["outstanding_principal_vnd"], flows["amounts_vnd"]["disbursed"],
                           end["outstanding_principal_vnd"], flows["amounts_vnd"]["repaid_principal"]) is None
    small = get(stats, "/v1/credit/activity", headers, commune_code=SMALL)
    assert small["approved"] is None and small["amounts_vnd"]["approved"] is None, "one loan in the commune"
    refused = stats.get("/v1/credit/activity", params={"from": f"{CLOSED}-01-03", "to": f"{CLOSED}-12-31", **here},
                        headers=headers)
    assert refused.status_code == 422, "no other period, so no difference of periods either"


def test_credit_figures_are_exact_for_the_steering_committee_and_the_bank_of_the_place_not_the_police(services):
    _, stats = services
    for headers in (STEERING_COMMITTEE, OUTSIDERS["bank of the province"]):
        small = get(stats, "/v1/credit/activity", headers, commune_code=SMALL)
        assert small["disclosure"]["view"] == "jurisdiction"
        assert (small["approved"], small["amounts_vnd"]["approved"]) == (1, 77 * M), "one loan, exactly"
    for headers in (POLICE, COMMUNE_POLICE):
        small = get(stats, "/v1/credit/activity", headers, commune_code=SMALL)
        assert small["disclosure"]["view"] == "public" and small["amounts_vnd"]["approved"] is None
        assert get(stats, "/v1/credit/portfolio", headers, commune_code=SMALL)["disclosure"]["view"] == "public"
    releases = get(stats, "/v1/releases", COMMUNE_POLICE, commune_code=SMALL)
    assert releases["disclosure"]["view"] == "jurisdiction", "the police still see the registry's figures exactly"


def test_the_polices_jurisdiction_feed_carries_no_credit_figure_the_steering_committees_does(services):
    _, stats = services
    credit = {"loans_outstanding", "loans_overdue"}

    def every_loan_change_seen(messages: list[dict]) -> bool:  # ten loans paid out and one written off, in any
        return len([m for m in messages if m["figure"] == "loans_outstanding"]) >= 11  # order across borrowers

    everything = read_feed(stats, every_loan_change_seen, headers=STEERING_COMMITTEE)
    assert [m["value"] for m in everything if m["figure"] == "loans_outstanding"][-1] == 9
    expected = [(m["figure"], m["commune_code"], m["value"]) for m in everything if m["figure"] not in credit]
    polices = read_feed(stats, lambda ms: len(ms) >= len(expected), headers=POLICE)
    assert [(m["figure"], m["commune_code"], m["value"]) for m in polices][:len(expected)] == expected
    assert not any(m["figure"] in credit for m in polices)
