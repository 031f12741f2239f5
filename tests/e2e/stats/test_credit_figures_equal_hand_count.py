"""Credit's contract events, published to the real Kafka credit topic as the credit service would (two of them in
version 1, read upcast), projected by stats on the real PostgreSQL: every field of every /v1/credit/* answer (the
paths listed from stats' credit router, so none is missed), for a commune and for its province, read by the
province's steering-committee analyst (exact figures), equals a count made here by hand.

The period is the first half of 2026: loans applied for in it (by their status on 30 June), what happened in it,
and the loans outstanding on 30 June. Events before it (K1's and K7's loans of 2025) and after it (K2's second
tranche, K6's approval, K8's repayment and cure, K9's application) change none of its figures. Only this test
lends in Quảng Ngãi (33).
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
from hoanhap_stats.credit.api import router as stats_credit
from tests.support.consuming import message_of, produce
from tests.support.databases import fresh_database
from tests.support.services import bearer_headers, running_service

PROVINCE, HERE, THERE = "33", "11953", "11983"
PERIOD = {"from": "2026-01-01", "to": "2026-06-30"}
ANALYST = bearer_headers(Principal(sub="analyst-33", agency=Agency.STEERING_COMMITTEE, role=Role.ANALYST,
                                   jurisdiction=Jurisdiction(province=PROVINCE)))
M = 1_000_000
BORROWERS = {name: {"kind": "individual", "person_id": uuid.uuid4()} for name in ("K1", "K2", "K4", "K5", "K6", "K7",
                                                                                  "K9")}
BORROWERS |= {"K3": {"kind": "business", "business_id": uuid.uuid4(), "business_type": "cooperative"},
              "K8": {"kind": "business", "business_id": uuid.uuid4(), "business_type": "household_business"}}
LOANS = {name: uuid.uuid4() for name in BORROWERS}
DESCRIBING = {"from", "to", "province_code", "commune_code", "release_type", "sex", "age_band", "offence_group",
              "disclosure", "measure"}
"""The fields every answer starts with (the question and how it is shown); every other field is a figure."""


def on(loan: str, event: type[c.CreditEvent], **fields: Any) -> c.CreditEvent:
    return event(loan_id=LOANS[loan], borrower=BORROWERS[loan], **fields)


def applied(loan: str, purpose: str, requested: int, day: str, agent: str | None = None, commune: str = HERE):
    business = BORROWERS[loan]["kind"] == "business"
    return on(loan, c.LoanApplied, purpose=purpose, amount_requested=requested * M, term_months=36,
              course_months=6 if purpose == "training" else None, agent_organisation=agent,
              workforce={"total_workers": 20, "eligible_workers": 4} if business else None,
              province_code=PROVINCE, commune_code=commune, applied_on=date.fromisoformat(day))


def approved(loan: str, amount: int, day: str):
    return on(loan, c.LoanApproved, approved_amount=amount * M, annual_interest_rate_bp=660, term_months=36,
              secured=amount > 100, approved_on=date.fromisoformat(day))


def paid(loan: str, amount: int, day: str):
    return on(loan, c.LoanDisbursed, amount=amount * M, disbursed_on=date.fromisoformat(day),
              final_due_on=date(2029, 1, 1))


def repaid(loan: str, principal: int, day: str, outstanding: int):
    return on(loan, c.RepaymentReceived, repayment_id=uuid.uuid4(), principal=principal * M, interest=300_000,
              received_on=date.fromisoformat(day), outstanding_principal=outstanding * M)


def arrears(loan: str, principal: int, day: str, since: str | None, days: int, group: int):
    return on(loan, c.LoanOverdue, as_of=date.fromisoformat(day), overdue_principal=principal * M,
              overdue_since=since and date.fromisoformat(since), days_past_due=days, debt_group=group,
              overdue_interest_rate_bp=858)


def story() -> list[c.CreditEvent]:
    """Each loan's events in order, as credit would publish them."""
    return [
        applied("K1", "production", 80, "2025-11-10", "womens_union"), approved("K1", 70, "2025-11-20"),
        paid("K1", 70, "2025-12-01"), repaid("K1", 10, "2026-03-01", 60),
        arrears("K1", 5, "2026-04-15", "2026-04-01", 14, 2), repaid("K1", 5, "2026-05-10", 55),
        arrears("K1", 0, "2026-05-10", None, 0, 1),
        applied("K2", "training", 24, "2026-01-15", "farmers_union"), approved("K2", 24, "2026-01-25"),
        paid("K2", 12, "2026-02-01"),
        on("K2", c.LoanOverdueV1, overdue_principal=2 * M, overdue_since=date(2026, 6, 1),
           overdue_interest_rate_bp=858),
        paid("K2", 12, "2026-07-01"),
        applied("K3", "job_creation", 900, "2026-02-01"),
        on("K3", c.LoanRejectedV1, failed_rule="too_few_eligible_workers", explanation="4 trên 20 lao động",
           rejected_on=date(2026, 2, 20)),
        applied("K4", "production", 50, "2026-03-01"), approved("K4", 50, "2026-03-10"),
        on("K4", c.LoanWithdrawn, withdrawn_on=date(2026, 3, 20)),
        applied("K5", "production", 100, "2026-01-05", "youth_union"), approved("K5", 100, "2026-01-10"),
        paid("K5", 100, "2026-01-20"), arrears("K5", 20, "2026-03-01", "2026-02-20", 10, 2),
        arrears("K5", 40, "2026-06-01", "2026-02-20", 102, 3),
        on("K5", c.LoanWrittenOff, written_off_on=date(2026, 6, 20), principal_written_off=100 * M,
           interest_written_off=5 * M),
        applied("K6", "production", 30, "2026-06-25", "veterans_association"), approved("K6", 30, "2026-07-05"),
        applied("K7", "production", 40, "2025-03-01", "womens_union"), approved("K7", 40, "2025-03-10"),
        paid("K7", 40, "2025-03-15"), repaid("K7", 40, "2026-02-10", 0),
        on("K7", c.LoanSettled, settled_on=date(2026, 2, 10), principal_repaid=40 * M, interest_paid=2 * M),
        applied("K8", "job_creation", 200, "2026-02-10", commune=THERE), approved("K8", 200, "2026-02-20"),
        paid("K8", 200, "2026-03-01"), arrears("K8", 10, "2026-06-30", "2026-06-20", 10, 2),
        repaid("K8", 10, "2026-08-01", 190), arrears("K8", 0, "2026-08-01", None, 0, 1),
        applied("K9", "training", 12, "2026-07-10", "farmers_union", commune=THERE)]


@pytest.fixture(scope="module")
def stats(endpoints, kafka_bootstrap_servers, tmp_path_factory) -> Iterator[httpx.Client]:
    """The story on the credit topic, and stats on a database of its own projecting it from the topic's start."""
    asyncio.run(produce(kafka_bootstrap_servers, [message_of(event, c.CREDIT_TOPIC) for event in story()]))
    log = tmp_path_factory.mktemp("credit_hand_count") / "stats.log"
    with fresh_database(endpoints, "credit_hand_count") as database, \
            running_service("stats", database, kafka_bootstrap_servers, log,
                            consumer_group=f"credit-hand-count-{uuid.uuid4().hex[:6]}") as url, \
            httpx.Client(base_url=url, timeout=60) as client:
        yield client


def zeros(*keys: str) -> dict[str, int]:
    return dict.fromkeys(keys, 0)


STATUSES = zeros("applied", "approved", "rejected", "withdrawn", "disbursed", "overdue", "settled", "written_off")
PURPOSES = zeros("training", "production", "business", "job_creation")
AGENTS = zeros("womens_union", "farmers_union", "veterans_association", "youth_union", "none_recorded", "business")
GROUPS = zeros("1", "2", "3", "4", "5")
HAND_COUNTS: dict[str | None, dict[str, dict[str, object]]] = {
    HERE: {
        "/v1/credit/loans": {  # K2 (overdue on 30 June), K3 (rejected), K4 (withdrawn), K5 (written off), K6 (applied)
            "measured_on": "2026-06-30", "loans": 5,
            "by_status": STATUSES | {"applied": 1, "rejected": 1, "withdrawn": 1, "overdue": 1, "written_off": 1},
            "by_purpose": PURPOSES | {"training": 1, "production": 3, "job_creation": 1},
            "by_borrower_kind": {"individual": 4, "business": 1},
            "by_agent_organisation": AGENTS | {"farmers_union": 1, "veterans_association": 1, "youth_union": 1,
                                               "none_recorded": 1, "business": 1},
            "amounts_vnd": {"requested": (24 + 900 + 50 + 100 + 30) * M, "approved": (24 + 50 + 100) * M},
            "amounts_vnd_by_purpose": {
                "requested": PURPOSES | {"training": 24 * M, "production": (50 + 100 + 30) * M,
                                         "job_creation": 900 * M},
                "approved": PURPOSES | {"training": 24 * M, "production": (50 + 100) * M}}},  # K6's came in July
        "/v1/credit/activity": {  # approved K2, K4, K5; paid out K2 (first tranche) and K5; repaid K1 twice and K7
            "approved": 3, "rejected": 1, "withdrawn": 1, "disbursed": 2, "repaid": 2, "settled": 1, "written_off": 1,
            "amounts_vnd": {"approved": (24 + 50 + 100) * M, "disbursed": (12 + 100) * M,
                            "repaid_principal": (10 + 5 + 40) * M, "written_off_principal": 100 * M}},
        "/v1/credit/portfolio": {  # K1 (cured in May) and K2 (2M overdue since 1 June, read from version 1)
            "measured_on": "2026-06-30", "loans_outstanding": 2, "loans_overdue": 1,
            "loans_by_debt_group": GROUPS | {"1": 2}, "outstanding_principal_vnd": (55 + 12) * M,
            "overdue_principal_vnd": 2 * M, "overdue_principal_vnd_by_debt_group": GROUPS | {"1": 2 * M}}},
    None: {
        "/v1/credit/loans": {  # and K8 of the other commune, overdue on 30 June; K9 came in July
            "measured_on": "2026-06-30", "loans": 6,
            "by_status": STATUSES | {"applied": 1, "rejected": 1, "withdrawn": 1, "overdue": 2, "written_off": 1},
            "by_purpose": PURPOSES | {"training": 1, "production": 3, "job_creation": 2},
            "by_borrower_kind": {"individual": 4, "business": 2},
            "by_agent_organisation": AGENTS | {"farmers_union": 1, "veterans_association": 1, "youth_union": 1,
                                               "none_recorded": 1, "business": 2},
            "amounts_vnd": {"requested": (1104 + 200) * M, "approved": (174 + 200) * M},
            "amounts_vnd_by_purpose": {
                "requested": PURPOSES | {"training": 24 * M, "production": 180 * M, "job_creation": 1100 * M},
                "approved": PURPOSES | {"training": 24 * M, "production": 150 * M, "job_creation": 200 * M}}},
        "/v1/credit/activity": {  # and K8 approved and paid out; its repayment came in August
            "approved": 4, "rejected": 1, "withdrawn": 1, "disbursed": 3, "repaid": 2, "settled": 1, "written_off": 1,
            "amounts_vnd": {"approved": 374 * M, "disbursed": 312 * M, "repaid_principal": 55 * M,
                            "written_off_principal": 100 * M}},
        "/v1/credit/portfolio": {  # and K8, 10M overdue in group 2 on 30 June
            "measured_on": "2026-06-30", "loans_outstanding": 3, "loans_overdue": 2,
            "loans_by_debt_group": GROUPS | {"1": 2, "2": 1}, "outstanding_principal_vnd": (67 + 200) * M,
            "overdue_principal_vnd": 12 * M,
            "overdue_principal_vnd_by_debt_group": GROUPS | {"1": 2 * M, "2": 10 * M}}},
}


def test_every_stats_credit_figure_equals_the_count_by_hand(stats):
    paths = {route.path for route in stats_credit.routes}  # type: ignore[attr-defined]
    for place, expected in HAND_COUNTS.items():
        assert set(expected) == paths, "every credit figure stats serves is counted by hand"
        for path, figures in expected.items():
            assert settled(stats, path, place, figures) == figures, (path, place)


def settled(stats: httpx.Client, path: str, commune: str | None, expected: dict[str, object],
            timeout: float = 90) -> dict[str, object]:
    """The figure's answer, less the question it repeats, once it equals the expected (stats caught up) or at the
    deadline; every figure in the answer must be expected."""
    place = {"province_code": PROVINCE, **({"commune_code": commune} if commune else {})}
    deadline = time.monotonic() + timeout
    while True:
        answer = stats.get(path, params={**PERIOD, **place}, headers=ANALYST)
        assert answer.status_code == 200, answer.text
        assert answer.json()["disclosure"]["view"] == "jurisdiction", "the analyst of the province sees exactly"
        assert set(answer.json()) - DESCRIBING == set(expected), f"{path}: every figure in the answer is counted"
        shown = {name: answer.json()[name] for name in expected}
        if shown == expected or time.monotonic() > deadline:
            return shown
        time.sleep(0.5)
