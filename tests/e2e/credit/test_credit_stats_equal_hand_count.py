"""The credit chain on the real services, Kafka and PostgreSQL: releases registered in the registry over HTTP, the
commune's list (Form 01) drawn and certified there; the people registered as borrowers in credit by citizen ID and
birth date, businesses registered; applications approved, rejected at once naming every failing rule (the figures
in the words read to the applicant), refused by a supervisor, withdrawn; disbursements (one loan in two tranches),
repayments (one posted twice, applied once; one paying part of what is overdue), a payoff, a write-off; then the end
of day through yesterday, by the command. Stats, projecting the real credit topic, then answers every credit figure
it serves (listed from its router, so none is missed) for the commune and its province, read by the province's
steering-committee analyst (exact figures), and each equals a count made here by hand of what this test did
(tests/support/credit_ledger.py), counts and VND sums, the overdue principal and debt groups among them
(tests/support/credit_end_of_day.py).

Days are counted back from Vietnam's today: a person applies once the list is certified (today); businesses, which
need no list, applied months ago, so some of their instalments have fallen due unpaid. The period is the year to
today. Only this test lends in Hà Tĩnh (42).
"""

import asyncio
import itertools
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.contracts import CREDIT_TOPIC
from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats.credit.api import router as stats_credit
from tests.support.credit import bank_headers, borrower_body, business_body, listed_in_credit, person_known_to_credit
from tests.support.credit_end_of_day import arrears_by_hand, end_of_day_command, principal_dues
from tests.support.credit_ledger import Lent, hand_counts
from tests.support.credit_steps import (
    REFUSAL_REASON,
    WRITE_OFF_REASON,
    Bank,
    applied,
    approved,
    assert_failures_read,
    disbursed,
    refused,
    repaid,
    withdrawn,
    written_off,
)
from tests.support.databases import fresh_database
from tests.support.figures_reading import settled_figures
from tests.support.kafka_reading import read_whole_topic
from tests.support.services import bearer_headers, officer_headers, release_body, running_service

PROVINCE, HERE, THERE = "42", "18754", "18781"
TODAY = vietnam_today()
M = 1_000_000
PERIODS = ((TODAY - timedelta(days=365), TODAY), (TODAY - timedelta(days=100), TODAY - timedelta(days=3)))
"""The year to today; and a quarter ended before the end of day and the last repayment, with loans applied for
before it still outstanding, paid out, repaid, paid off and written off in it."""
POLICE = officer_headers(PROVINCE)
ANALYST = bearer_headers(Principal(sub="analyst-42", agency=Agency.STEERING_COMMITTEE, role=Role.ANALYST,
                                   jurisdiction=Jurisdiction(province=PROVINCE)))
RELEASED_DAYS_AGO = {"P1": 400, "P2": 300, "P3": 200, "P4": 500, "P5": 100, "P6": 6 * 365 + 60}
"""P6 completed the sentence over 5 years ago: not on the commune's list, and refused for it by credit too."""


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def day(on: date) -> str:
    """As the words read to an applicant write a day."""
    return on.strftime("%d/%m/%Y")


@pytest.fixture(scope="module")
def clients(registry: str, credit: str) -> Iterator[tuple[httpx.Client, Bank]]:
    with httpx.Client(base_url=registry, timeout=30) as registry_client, \
            httpx.Client(base_url=credit, timeout=30) as credit_client:
        yield registry_client, Bank(credit_client, bank_headers(communes=(), province=PROVINCE),
                                    bank_headers(Role.SUPERVISOR, communes=(), province=PROVINCE))


@pytest.fixture(scope="module")
def credit(credit_database: str, kafka_bootstrap_servers: str, logs) -> Iterator[str]:
    """Credit as the conftest runs it, but leaving the end of day to the command, as a deployment's own scheduler
    would: the service would otherwise close yesterday as it starts, before this test has lent anything."""
    with running_service("credit", credit_database, kafka_bootstrap_servers, logs / "credit.log",
                         consumer_group=f"credit-{uuid.uuid4().hex[:8]}", end_of_day_in_service="false") as url:
        yield url


@pytest.fixture(scope="module")
def stats(endpoints, kafka_bootstrap_servers, logs) -> Iterator[httpx.Client]:
    """Stats on a database of its own, projecting the real topics from their start."""
    with fresh_database(endpoints, "credit_chain_stats") as database, \
            running_service("stats", database, kafka_bootstrap_servers, logs / "stats.log",
                            consumer_group=f"credit-chain-{uuid.uuid4().hex[:6]}") as url, \
            httpx.Client(base_url=url, timeout=60) as client:
        yield client


def test_every_stats_credit_figure_equals_the_count_by_hand(clients, credit_database, kafka_bootstrap_servers, stats,
                                                            logs):
    registry, bank = clients
    borrowers, citizen_ids = registered_borrowers(registry, bank, credit_database)
    ledger = {**people_lent(bank, borrowers), **businesses_lent(bank)}
    closed_yesterday(credit_database, kafka_bootstrap_servers, ledger)

    paths = {route.path for route in stats_credit.routes}  # type: ignore[attr-defined]
    for (start, end), place in itertools.product(PERIODS, (HERE, None)):
        expected = hand_counts(list(ledger.values()), place, start, end)
        assert set(expected) == paths, "every credit figure stats serves is counted by hand"
        asked = {"from": start.isoformat(), "to": end.isoformat(), "province_code": PROVINCE,
                 **({"commune_code": place} if place else {})}
        for path, figures in expected.items():
            assert settled_figures(stats, path, asked, ANALYST, figures) == figures, (path, place, end)
    assert_nothing_identifying(kafka_bootstrap_servers, logs, citizen_ids)


def closed_yesterday(credit_database: str, kafka_bootstrap_servers: str, ledger: dict[str, Lent]) -> None:
    """The end of day run through yesterday (run again, it closes nothing), and each business loan's arrears then
    counted by hand: B3's oldest instalment unpaid over 90 days, B4's (partly repaid) fewer. B4's were recorded by
    its repayment the day before and left as they were by the end of day; both days are after the second period."""
    yesterday = ago(1)
    told = end_of_day_command(credit_database, kafka_bootstrap_servers, through=yesterday)
    assert f"closed {yesterday} to {yesterday}" in told, told
    told = end_of_day_command(credit_database, kafka_bootstrap_servers, through=yesterday)
    assert f"nothing to close: every day through {yesterday} is closed" in told, told
    for name, (*_, term, plan) in BUSINESSES.items():
        tranches = [(amount * M, ago(days)) for loan, amount, days in TRANCHES if loan == name]
        dues = principal_dues(tranches, term, {"monthly": 1, "quarterly": 3}[plan])
        overdue, group = arrears_by_hand(dues, ledger[name].repaid_principal(yesterday), yesterday)
        if ledger[name].outstanding(yesterday) and overdue:
            ledger[name].arrears.append((yesterday, overdue, group))
    assert {name: lent.arrears[-1][2] for name, lent in ledger.items() if lent.arrears} == {"B3": 3, "B4": 2}


def registered_borrowers(registry: httpx.Client, bank: Bank,
                         credit_database: str) -> tuple[dict[str, str], list[str]]:
    """Each person's release in the registry, the commune's list drawn and certified today, and each person
    registered as the bank's borrower by citizen ID and birth date: their borrower ids, and their citizen IDs."""
    releases = {name: release_body(province_code=PROVINCE, commune_code=HERE, release_date=ago(days).isoformat(),
                                   notified_on=ago(days + 6).isoformat()) for name, days in RELEASED_DAYS_AGO.items()}
    people = {name: sent(registry, "/v1/releases", body, 201)["person_id"] for name, body in releases.items()}
    lists = f"/v1/communes/{HERE}/borrower-lists"
    drawn = sent(registry, lists, {}, 201)
    listed = sorted(person for name, person in people.items() if name != "P6")
    assert sorted(row["person_id"] for row in drawn["rows"]) == listed, "the five years are counted in the registry"
    sent(registry, f"{lists}/{drawn['list_id']}/certification",
         {"certified_on": TODAY.isoformat(), "certified_by": "Chủ tịch UBND xã"}, 200)
    for person_id in people.values():
        person_known_to_credit(credit_database, person_id)
    listed_in_credit(credit_database, listed)
    borrowers = {}
    for name, release in releases.items():
        body = borrower_body(citizen_id=release["citizen_id"], birth_date=release["birth_date"],
                             province_code=PROVINCE, commune_code=HERE)
        borrower = bank.post("/v1/borrowers", body, status=201)
        assert borrower["person_id"] == people[name], "found in the registry by citizen ID and birth date"
        borrowers[name] = borrower["borrower_id"]
    return borrowers, [release["citizen_id"] for release in releases.values()]


def sent(registry: httpx.Client, path: str, body: dict, status: int) -> dict:
    answer = registry.post(path, json=body, headers=POLICE)
    assert answer.status_code == status, (path, answer.text)
    return dict(answer.json())


def people_lent(bank: Bank, borrowers: dict[str, str]) -> dict[str, Lent]:
    """The people's loans, applied for today (the day the list was certified) through their agent organisations:
    one paid out (and its borrower, owing it, refused another for the same purpose), one approved, one refused by a
    supervisor, one withdrawn, two rejected at once."""
    lent = {name: Lent(HERE, purpose, agent, requested * M, TODAY) for name, purpose, agent, requested in (
        ("P1", "production", "womens_union", 80), ("P2", "training", "farmers_union", 20),
        ("P3", "production", "youth_union", 50), ("P4", "production", "veterans_association", 30),
        ("P5", "production", "womens_union", 150), ("P6", "training", "farmers_union", 30))}

    def asked(name: str, **details: object) -> dict:
        purpose = "training" if lent[name].purpose == "training" else "production_business"
        return {"borrower_id": borrowers[name], "purpose": purpose, "agent_organisation": lent[name].agent,
                "savings_group": f"Tổ TK&VV {name}", **details}

    loan = applied(bank, lent["P1"], asked("P1", term_months=36))["loan_id"]
    approved(bank, loan, lent["P1"], TODAY, term_months=36, plan="half_yearly", secured=False)
    disbursed(bank, loan, lent["P1"], 80 * M, TODAY)
    lent["P1 again"] = Lent(HERE, "production", "womens_union", 10 * M, TODAY)
    failures = applied(bank, lent["P1 again"], asked("P1", term_months=12), rejected=True)["failures"]
    assert_failures_read(failures, {"outstanding_debt_same_purpose": ("VND 80,000,000", "80.000.000 đồng")})
    loan = applied(bank, lent["P2"], asked("P2", term_months=12, course_months=6))["loan_id"]
    approved(bank, loan, lent["P2"], TODAY, term_months=12, plan="monthly", secured=False)
    refused(bank, applied(bank, lent["P3"], asked("P3", term_months=24))["loan_id"], lent["P3"], TODAY)
    withdrawn(bank, applied(bank, lent["P4"], asked("P4", term_months=24))["loan_id"], lent["P4"], TODAY)
    failures = applied(bank, lent["P5"], asked("P5", term_months=36), rejected=True)["failures"]
    assert_failures_read(failures, {
        "amount_above_limit": ("VND 150,000,000", "VND 100,000,000 per person", "150.000.000 đồng", "100.000.000 đồng"),
        "security_missing": ("VND 150,000,000 without security", "above VND 100,000,000", "150.000.000 đồng")})
    released = day(ago(RELEASED_DAYS_AGO["P6"]))
    failures = applied(bank, lent["P6"], asked("P6", term_months=36, course_months=6), rejected=True)["failures"]
    assert_failures_read(failures, {
        "not_on_commune_list": ("Form 01", "Mẫu 01"),
        "more_than_five_years_since_release": (f"released on {released}, 6 years", f"applying on {day(TODAY)}",
                                               "the limit is 5 years", f"ra trại ngày {released}", "tối đa 5 năm"),
        "amount_above_limit": ("VND 30,000,000 for a 6-month course", "VND 24,000,000", "30.000.000 đồng",
                               "24.000.000 đồng"),
        "term_above_limit": ("36 months for a 6-month course; the limit is 18 months", "36 tháng", "18 tháng")})
    return lent


BUSINESSES = {  # commune, kind, purpose, VND million asked, applied (days ago), workers (all, eligible), term, plan
    "B1": (HERE, "cooperative", "job_creation", 200, 70, (20, 5), 60, "quarterly"),
    "B2": (HERE, "household_business", "production_business", 90, 250, (9, 1), 24, "monthly"),
    "B3": (HERE, "small_medium_enterprise", "production_business", 120, 140, (10, 2), 12, "monthly"),
    "B4": (THERE, "cooperative", "job_creation", 60, 150, (10, 1), 6, "monthly"),
    "B5": (THERE, "small_medium_enterprise", "production_business", 40, 90, (10, 1), 12, "monthly")}
TRANCHES = [("B1", 120, 60), ("B1", 80, 30), ("B2", 90, 240), ("B3", 120, 130), ("B4", 60, 140), ("B5", 40, 80)]
"""(loan, VND million, days ago): B1 in two tranches."""


def businesses_lent(bank: Bank) -> dict[str, Lent]:
    """Businesses' loans, applied for months ago and approved five days later: B1 paid out in two tranches and
    repaid once (a payment posted twice), B2 written off, B3 left with instalments unpaid, B4 too but partly repaid
    two days ago, B5 paid off; and R3 rejected at once on five rules."""
    lent, loans = {}, {}
    for name, (commune, kind, purpose, requested, days, (workers, eligible), term, plan) in BUSINESSES.items():
        lent[name] = Lent(commune, purpose.removesuffix("_business"), "business", requested * M, ago(days))
        business = bank.post("/v1/businesses", business_body(province_code=PROVINCE, commune_code=commune,
                                                             kind=kind), status=201)
        loans[name] = applied(bank, lent[name], {
            "business_id": business["business_id"], "purpose": purpose, "term_months": term,
            "security_offered": requested > 100, "plan_confirmed_on": ago(days + 5).isoformat(),
            "workforce": {"total_workers": workers, "eligible_workers_on_contract": eligible}})["loan_id"]
        approved(bank, loans[name], lent[name], ago(days - 5), term_months=term, plan=plan, secured=requested > 100)
    for name, amount, days in TRANCHES:
        disbursed(bank, loans[name], lent[name], amount * M, ago(days))
    payment = {"payment_id": str(uuid.uuid4()), "amount": 5 * M, "paid_on": ago(10).isoformat()}
    first = repaid(bank, loans["B1"], lent["B1"], payment)
    assert bank.post(f"/v1/loans/{loans['B1']}/repayments", payment) == first, "posted again: applied once"
    assert lent["B1"].repaid_principal(TODAY) > 0, "5 million đồng pays more than the interest owed"
    payoff = {"payment_id": str(uuid.uuid4()), "amount": 60 * M, "paid_on": ago(5).isoformat()}
    assert repaid(bank, loans["B5"], lent["B5"], payoff)["status"] == "settled"
    written_off(bank, loans["B2"], lent["B2"], ago(20))
    partly = {"payment_id": str(uuid.uuid4()), "amount": 15 * M, "paid_on": ago(2).isoformat()}
    assert repaid(bank, loans["B4"], lent["B4"], partly)["repayment"]["overdue_principal"] > 0
    return {**lent, "R3": rejected_business(bank)}


def rejected_business(bank: Bank) -> Lent:
    """A household business with no registration, 1 eligible worker of 20, its plan confirmed after it applied,
    asking VND 300 million unsecured: rejected at once naming all five rules, with their figures."""
    lent = Lent(HERE, "job_creation", "business", 300 * M, ago(3))
    business = bank.post("/v1/businesses", business_body(province_code=PROVINCE, commune_code=HERE,
                                                         kind="household_business", registration=None), status=201)
    failures = applied(bank, lent, {"business_id": business["business_id"], "purpose": "job_creation",
                                    "term_months": 60, "plan_confirmed_on": ago(1).isoformat(),
                                    "workforce": {"total_workers": 20, "eligible_workers_on_contract": 1}},
                       rejected=True)["failures"]
    assert_failures_read(failures, {
        "business_not_legally_established": ("no registration", "không có đăng ký"),
        "too_few_eligible_workers": ("1 of 20 workers (5.0%)", "at least 10.0%", "1 trên 20 lao động (5,0%)",
                                     "tối thiểu 10,0%"),
        "loan_plan_not_confirmed": (f"confirmed on {day(ago(1))}, after applying on {day(ago(3))}",
                                    f"ngày {day(ago(1))}, sau ngày đề nghị vay {day(ago(3))}"),
        "amount_above_per_worker_limit": ("VND 300,000,000 with 1 eligible workers", "VND 100,000,000 per eligible",
                                          "300.000.000 đồng", "tức 100.000.000 đồng"),
        "security_missing": ("VND 300,000,000 without security", "300.000.000 đồng")})
    return lent



def assert_nothing_identifying(servers: str, logs: Path, citizen_ids: list[str]) -> None:
    """No citizen ID, name, address, household representative, savings group, business name or registration, nor
    any supervisor's reason, in any byte of the credit topic or of credit's and stats' logs."""
    records = asyncio.run(read_whole_topic(servers, CREDIT_TOPIC))
    logged = (logs / "credit.log").read_bytes() + (logs / "stats.log").read_bytes()
    person, business = borrower_body(), business_body()
    secrets = [*citizen_ids, release_body()["full_name"], *(person[field] for field in (
        "full_name", "address", "household_representative")), business["name"], business["registration"],
        "Tổ TK&VV", REFUSAL_REASON, WRITE_OFF_REASON]
    for secret in secrets:
        assert not any(secret.encode() in (record.key or b"") + record.value for record in records), secret
        assert secret.encode() not in logged, secret
