"""Credit's figures against the real PostgreSQL: a story of loans projected through stats' credit projection (so
loans and loan_days are written as in service), then every credit answer, called as the API calls it, equal to a
count by hand for a commune and its province, over 2023 and over January 2024 (the stocks and flows on both sides of
the year's end); a breakdown of people; and the public view, small cells and sums over too few loans withheld.

Province 01. Commune A: L1 (p1, applied 2022, approved and paid out in January 2023, repaid in part in June, 3M
overdue from 20 December, group 2 in January 2024), L2 (p2, training, paid out in two tranches, the second in
January 2024), L3 (a household business, rejected), L4 (p3, withdrawn), L5 (p1, applied 30 December 2023, approved
3 January 2024), L6 (p2, paid out, overdue in group 3, written off in November). Commune B: L7 (p4, 2022, settled in
September 2023), L8 (p4, paid out in October 2023, overdue in group 2 on 31 December). p1 and p3 are men, p2 a woman.
"""

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest

import hoanhap.contracts as c
from hoanhap_stats.credit import api
from hoanhap_stats.credit.projection import project_credit_events
from hoanhap_stats.figures.disclosure import Disclosure
from hoanhap_stats.figures.selection import Selection

A, B = "00004", "00007"
YEAR_2023 = (date(2023, 1, 1), date(2023, 12, 31))
JANUARY_2024 = (date(2024, 1, 1), date(2024, 1, 31))
PUBLIC = Disclosure(threshold=3, exact=False)
EXACT = Disclosure(threshold=3, exact=True)
M = 1_000_000
P = {name: uuid.uuid4() for name in ("p1", "p2", "p3", "p4")}
L = {name: uuid.uuid4() for name in ("L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8")}
OWNER = {"L1": "p1", "L2": "p2", "L4": "p3", "L5": "p1", "L6": "p2", "L7": "p4", "L8": "p4"}
BUSINESS = {"kind": "business", "business_id": uuid.uuid4(), "business_type": "household_business"}


def on(loan: str, event: type[c.CreditEvent], **fields: Any) -> c.Envelope:
    borrower = {"kind": "individual", "person_id": P[OWNER[loan]]} if loan in OWNER else BUSINESS
    data = event(loan_id=L[loan], borrower=borrower, **fields)
    return c.Envelope(id=uuid.uuid4(), time=datetime.now(UTC), stream_version=1, correlation_id="test", data=data)


def applied(loan: str, purpose: str, requested: int, day: str, commune: str = A, agent: str | None = None):
    business = loan not in OWNER
    return on(loan, c.LoanApplied, purpose=purpose, amount_requested=requested * M, term_months=36,
              course_months=6 if purpose == "training" else None, agent_organisation=agent,
              workforce={"total_workers": 10, "eligible_workers": 2} if business else None,
              province_code="01", commune_code=commune, applied_on=date.fromisoformat(day))


def approved(loan: str, amount: int, day: str):
    return on(loan, c.LoanApproved, approved_amount=amount * M, annual_interest_rate_bp=660, term_months=36,
              secured=False, approved_on=date.fromisoformat(day))


def paid(loan: str, amount: int, day: str):
    return on(loan, c.LoanDisbursed, amount=amount * M, disbursed_on=date.fromisoformat(day),
              final_due_on=date(2026, 1, 10))


def repaid(loan: str, principal: int, day: str, outstanding: int):
    return on(loan, c.RepaymentReceived, repayment_id=uuid.uuid4(), principal=principal * M, interest=100_000,
              received_on=date.fromisoformat(day), outstanding_principal=outstanding * M)


def arrears(loan: str, principal: int, day: str, since: str, days: int, group: int):
    return on(loan, c.LoanOverdue, as_of=date.fromisoformat(day), overdue_principal=principal * M,
              overdue_since=date.fromisoformat(since), days_past_due=days, debt_group=group,
              overdue_interest_rate_bp=858)


STORY = [
    applied("L1", "production", 20, "2022-12-20", agent="womens_union"), approved("L1", 20, "2023-01-05"),
    paid("L1", 20, "2023-01-10"), repaid("L1", 5, "2023-06-01", 15),
    arrears("L1", 3, "2023-12-20", "2023-12-15", 5, 1), arrears("L1", 3, "2024-01-15", "2023-12-15", 31, 2),
    applied("L2", "training", 10, "2023-03-01", agent="farmers_union"), approved("L2", 10, "2023-03-10"),
    paid("L2", 5, "2023-03-15"), paid("L2", 5, "2024-01-10"),
    applied("L3", "job_creation", 500, "2023-04-01"),
    on("L3", c.LoanRejected, failed_rules=("too_few_eligible_workers",), rejected_on=date(2023, 4, 10)),
    applied("L4", "production", 40, "2023-05-01"), on("L4", c.LoanWithdrawn, withdrawn_on=date(2023, 5, 5)),
    applied("L5", "production", 60, "2023-12-30", agent="veterans_association"), approved("L5", 60, "2024-01-03"),
    applied("L6", "production", 50, "2023-02-01", agent="youth_union"), approved("L6", 50, "2023-02-05"),
    paid("L6", 50, "2023-02-10"), arrears("L6", 10, "2023-08-01", "2023-04-20", 103, 3),
    on("L6", c.LoanWrittenOff, written_off_on=date(2023, 11, 1), principal_written_off=50 * M,
       interest_written_off=4 * M),
    applied("L7", "training", 8, "2022-06-01", commune=B), approved("L7", 8, "2022-06-10"),
    paid("L7", 8, "2022-06-15"), repaid("L7", 8, "2023-09-01", 0),
    on("L7", c.LoanSettled, settled_on=date(2023, 9, 1), principal_repaid=8 * M, interest_paid=M),
    applied("L8", "job_creation", 30, "2023-10-01", commune=B, agent="womens_union"), approved("L8", 30, "2023-10-05"),
    paid("L8", 30, "2023-10-10"), arrears("L8", 6, "2023-12-31", "2023-12-19", 12, 2)]


def release(name: str, sex: str) -> dict[str, Any]:
    return {"person_id": P[name], "province_code": "01", "commune_code": A, "release_type": "completed_sentence",
            "release_date": date(2022, 1, 1), "sex": sex, "offence_articles": [173], "age_at_release": 30}


@pytest.fixture
async def credit(pool, insert_rows):
    """The releases of p1..p3 (p4's is not in stats), and the story projected in three batches, each loan's events
    in order."""
    await insert_rows("releases", [release("p1", "male"), release("p2", "female"), release("p3", "male")])
    async with pool.acquire() as connection:
        for batch in (STORY[:10], STORY[10:20], STORY[20:]):
            async with connection.transaction():
                await project_credit_events(connection, batch)
    return pool


async def answers(pool, period: tuple[date, date], commune: str | None, shown: Disclosure = EXACT, **people: str):
    """Every credit answer for the place, as the API gives it, less the question it repeats."""
    selection = Selection(*period, "01", commune, **people)
    async with pool.acquire() as connection:
        found = {name: await getattr(api, name)(selection, shown, connection)
                 for name in ("loans", "activity", "portfolio")}
    return {name: {key: value for key, value in answer.items() if key not in DESCRIBING}
            for name, answer in found.items()}


DESCRIBING = {"from", "to", "province_code", "commune_code", "release_type", "sex", "age_band", "offence_group",
              "disclosure", "measure"}


STATUSES = ("applied", "approved", "rejected", "withdrawn", "disbursed", "overdue", "settled", "written_off")
PURPOSES = ("training", "production", "business", "job_creation")
AGENTS = ("womens_union", "farmers_union", "veterans_association", "youth_union", "none_recorded", "business")
GROUPS = ("1", "2", "3", "4", "5")


def listed(keys: tuple[str, ...], **counted: int) -> dict[str, int]:
    """Every key, 0 unless counted."""
    return {key: counted.get(key, 0) for key in keys}


def cohort(measured_on: str, loans: int, statuses: dict, purposes: dict, individual: int, agents: dict,
           requested: dict, approved: dict) -> dict[str, Any]:
    return {"measured_on": measured_on, "loans": loans, "by_status": listed(STATUSES, **statuses),
            "by_purpose": listed(PURPOSES, **purposes), "by_borrower_kind": {"individual": individual,
                                                                             "business": loans - individual},
            "by_agent_organisation": listed(AGENTS, **agents),
            "amounts_vnd": {"requested": sum(requested.values()) * M, "approved": sum(approved.values()) * M},
            "amounts_vnd_by_purpose": {"requested": in_vnd(listed(PURPOSES, **requested)),
                                       "approved": in_vnd(listed(PURPOSES, **approved))}}


def activity(counts: dict[str, int], approved: int = 0, disbursed: int = 0, repaid: int = 0,
             written_off: int = 0) -> dict[str, Any]:
    return {**listed(("approved", "rejected", "withdrawn", "disbursed", "repaid", "settled", "written_off"), **counts),
            "amounts_vnd": {"approved": approved * M, "disbursed": disbursed * M, "repaid_principal": repaid * M,
                            "written_off_principal": written_off * M}}


def portfolio(measured_on: str, loans: dict[str, int], overdue_loans: int, outstanding: int,
              overdue: dict[str, int]) -> dict[str, Any]:
    return {"measured_on": measured_on, "loans_outstanding": sum(loans.values()), "loans_overdue": overdue_loans,
            "loans_by_debt_group": listed(GROUPS, **loans), "outstanding_principal_vnd": outstanding * M,
            "overdue_principal_vnd": sum(overdue.values()) * M,
            "overdue_principal_vnd_by_debt_group": in_vnd(listed(GROUPS, **overdue))}


def in_vnd(millions: dict[str, int]) -> dict[str, int]:
    return {key: value * M for key, value in millions.items()}


HAND_COUNTS = {
    (YEAR_2023, A): {
        "loans": cohort("2023-12-31", 5, {"applied": 1, "rejected": 1, "withdrawn": 1, "disbursed": 1,
                                          "written_off": 1},
                        {"training": 1, "production": 3, "job_creation": 1}, 4,
                        {"farmers_union": 1, "veterans_association": 1, "youth_union": 1, "none_recorded": 1,
                         "business": 1},
                        {"training": 10, "production": 40 + 60 + 50, "job_creation": 500},
                        {"training": 10, "production": 50}),  # L5's approval came in 2024
        "activity": activity({"approved": 3, "rejected": 1, "withdrawn": 1, "disbursed": 3, "repaid": 1,
                              "written_off": 1}, approved=20 + 10 + 50, disbursed=20 + 5 + 50, repaid=5,
                             written_off=50),  # L2's second tranche came in 2024
        "portfolio": portfolio("2023-12-31", {"1": 2}, 1, 15 + 5, {"1": 3})},  # L1 and L2; L6 written off
    (YEAR_2023, None): {
        "loans": cohort("2023-12-31", 6, {"applied": 1, "rejected": 1, "withdrawn": 1, "disbursed": 1, "overdue": 1,
                                          "written_off": 1},
                        {"training": 1, "production": 3, "job_creation": 2}, 5,
                        {"womens_union": 1, "farmers_union": 1, "veterans_association": 1, "youth_union": 1,
                         "none_recorded": 1, "business": 1},
                        {"training": 10, "production": 150, "job_creation": 500 + 30},
                        {"training": 10, "production": 50, "job_creation": 30}),  # L8 joins; L7 is of 2022
        "activity": activity({"approved": 4, "rejected": 1, "withdrawn": 1, "disbursed": 4, "repaid": 2, "settled": 1,
                              "written_off": 1}, approved=80 + 30, disbursed=75 + 30, repaid=5 + 8, written_off=50),
        "portfolio": portfolio("2023-12-31", {"1": 2, "2": 1}, 2, 20 + 30, {"1": 3, "2": 6})},
    (JANUARY_2024, A): {
        "loans": cohort("2024-01-31", 0, {}, {}, 0, {}, {}, {}),
        "activity": activity({"approved": 1, "disbursed": 1}, approved=60, disbursed=5),
        "portfolio": portfolio("2024-01-31", {"1": 1, "2": 1}, 1, 15 + 10, {"2": 3})},  # L1 moved to group 2
    (JANUARY_2024, None): {
        "loans": cohort("2024-01-31", 0, {}, {}, 0, {}, {}, {}),
        "activity": activity({"approved": 1, "disbursed": 1}, approved=60, disbursed=5),
        "portfolio": portfolio("2024-01-31", {"1": 1, "2": 2}, 2, 25 + 30, {"2": 3 + 6})},
}


@pytest.mark.parametrize(("period", "commune"), list(HAND_COUNTS), ids=["2023-A", "2023-province", "2024-01-A",
                                                                          "2024-01-province"])
async def test_every_credit_answer_equals_the_count_by_hand_on_both_sides_of_the_years_end(credit, period, commune):
    assert await answers(credit, period, commune) == HAND_COUNTS[period, commune]


async def test_a_breakdown_of_people_keeps_their_loans_and_leaves_businesses_out(credit):
    women = await answers(credit, YEAR_2023, A, sex="female")  # p2's L2 and L6
    assert (women["loans"]["loans"], women["activity"]["approved"], women["portfolio"]["loans_outstanding"]) == (
        2, 2, 1)
    men = await answers(credit, YEAR_2023, None, sex="male")
    assert men["loans"]["loans"] == 2, "p1's L5 and p3's L4; p4 has no release in stats, L3 is a business's"


async def test_the_public_sees_the_province_but_no_communes_breakdown_nor_a_sum_over_too_few_loans(credit):
    province = await answers(credit, YEAR_2023, None, PUBLIC)
    commune = await answers(credit, YEAR_2023, A, PUBLIC)
    assert province["loans"]["loans"] == 6 and province["loans"]["amounts_vnd"]["requested"] == 690 * M
    assert province["activity"]["approved"] == 4 and province["activity"]["amounts_vnd"]["approved"] == 110 * M
    assert province["activity"]["settled"] is None, "1 loan settled, under the threshold of 3"
    assert province["activity"]["amounts_vnd"]["repaid_principal"] is None, "2 loans repaid principal"
    assert province["portfolio"]["loans_outstanding"] == 3 and province["portfolio"]["loans_overdue"] is None
    assert province["portfolio"]["loans_by_debt_group"] == {"1": None, "2": None, "3": 0, "4": 0, "5": 0}
    assert province["portfolio"]["overdue_principal_vnd_by_debt_group"]["1"] is None
    assert commune["loans"]["loans"] is None, "A's 5 would tell B's 1 as 6 - 5"
    assert set(commune["loans"]["by_status"].values()) == {None}
    assert set(commune["portfolio"]["overdue_principal_vnd_by_debt_group"].values()) == {None}
