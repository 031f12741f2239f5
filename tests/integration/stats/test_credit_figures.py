"""Credit's figures in SQL, against the real PostgreSQL: loan rows inserted by hand, then the loan groups, their
counts and sums compared with counts made by hand, for a commune, its province and a breakdown of people; and the
public view, small cells and sums over too few loans withheld.

Province 01, loans applied for in 2023. Commune A: p1's training loan (disbursed), p2's production loan (overdue),
a household business's loan (applied) and p3's rejected training loan; p1's 2024 loan is not in 2023. Commune B:
p4's settled training loan. p1 and p3 are men, p2 a woman.
"""

import uuid
from datetime import date
from typing import Any

import pytest

from hoanhap_stats.credit import measures
from hoanhap_stats.credit.figures import amounts_by, loan_groups, loans_by
from hoanhap_stats.figures.amounts import Amount, shown_amount, total
from hoanhap_stats.figures.disclosure import Disclosure
from hoanhap_stats.figures.place_tables import published_counts
from hoanhap_stats.figures.selection import Selection

A, B = "00004", "00007"
YEAR_2023 = (date(2023, 1, 1), date(2023, 12, 31))
PUBLIC = Disclosure(threshold=3, exact=False)
EXACT = Disclosure(threshold=3, exact=True)
P = {name: uuid.uuid4() for name in ("p1", "p2", "p3", "p4")}
MILLION = 1_000_000


def loan(person: str | None, purpose: str, status: str, applied_on: date, requested: int, approved: int | None = None,
         disbursed: int = 0, outstanding: int = 0, overdue: int = 0, commune: str = A) -> dict[str, Any]:
    return {"loan_id": uuid.uuid4(), "province_code": "01", "commune_code": commune, "purpose": purpose,
            "borrower_kind": "individual" if person else "business", "person_id": P[person] if person else None,
            "business_type": None if person else "household_business", "status": status,
            "amount_requested_vnd": requested * MILLION, "applied_on": applied_on,
            "amount_approved_vnd": approved and approved * MILLION, "disbursed_vnd": disbursed * MILLION,
            "outstanding_principal_vnd": outstanding * MILLION, "overdue_principal_vnd": overdue * MILLION}


def release(name: str, sex: str) -> dict[str, Any]:
    return {"person_id": P[name], "province_code": "01", "commune_code": A, "release_type": "completed_sentence",
            "release_date": date(2022, 12, 1), "sex": sex, "offence_articles": [173], "age_at_release": 30}


@pytest.fixture
async def credit(pool, insert_rows):
    """The loans of the module's story."""
    await insert_rows("releases", [release("p1", "male"), release("p2", "female"), release("p3", "male")])
    await insert_rows("loans", [
        loan("p1", "training", "disbursed", date(2023, 2, 1), 10, 10, 10, 6),
        loan("p2", "production", "overdue", date(2023, 3, 1), 20, 20, 20, 15, 5),
        loan(None, "business", "applied", date(2023, 4, 1), 50),
        loan("p3", "training", "rejected", date(2023, 5, 1), 5),
        loan("p1", "training", "applied", date(2024, 1, 1), 7),
        loan("p4", "training", "settled", date(2023, 1, 15), 8, 8, 8, commune=B)])
    return pool


async def groups_of(pool, period: Selection):
    async with pool.acquire() as connection:
        return await loan_groups(connection, period)


async def test_loans_are_counted_by_status_purpose_and_kind_of_borrower(credit):
    groups = await groups_of(credit, Selection(*YEAR_2023, "01", A))
    assert loans_by(groups, "status") == {"disbursed": 1, "overdue": 1, "applied": 1, "rejected": 1}
    assert loans_by(groups, "purpose") == {"training": 2, "production": 1, "business": 1}
    assert loans_by(groups, "borrower_kind") == {"individual": 3, "business": 1}
    assert sum(loans_by(await groups_of(credit, Selection(*YEAR_2023, "01")), "status").values()) == 5


async def test_sums_count_only_the_loans_that_add_money_to_them(credit):
    groups = await groups_of(credit, Selection(*YEAR_2023, "01", A))
    assert amounts_by(groups, "purpose", "requested") == {
        "training": Amount(15 * MILLION, 2), "production": Amount(20 * MILLION, 1), "business": Amount(50 * MILLION, 1)}
    assert amounts_by(groups, "purpose", "approved") == {
        "training": Amount(10 * MILLION, 1), "production": Amount(20 * MILLION, 1), "business": Amount(0, 0)}
    assert amounts_by(groups, "purpose", "outstanding")["production"] == Amount(15 * MILLION, 1)
    assert total(amounts_by(groups, "purpose", "overdue")) == Amount(5 * MILLION, 1)


async def test_a_breakdown_of_people_keeps_their_loans_and_leaves_businesses_out(credit):
    groups = await groups_of(credit, Selection(*YEAR_2023, "01", A, sex="female"))
    assert loans_by(groups, "status") == {"overdue": 1}, "p2's only"
    groups = await groups_of(credit, Selection(*YEAR_2023, "01", sex="male"))
    assert loans_by(groups, "status") == {"disbursed": 1, "rejected": 1}, "p4 has no release in stats"


async def test_the_public_sees_the_province_but_not_a_small_commune_nor_a_sum_over_too_few_loans(credit):
    async with credit.acquire() as connection:
        province = await published_counts(connection, measures.loans, Selection(*YEAR_2023, "01"), PUBLIC)
        in_a = await published_counts(connection, measures.loans, Selection(*YEAR_2023, "01", A), PUBLIC)
        in_b = await published_counts(connection, measures.loans, Selection(*YEAR_2023, "01", B), PUBLIC)
        exactly_in_b = await published_counts(connection, measures.loans, Selection(*YEAR_2023, "01", B), EXACT)
    assert province == {"loans": 5}
    assert in_b == {"loans": None}, "B's 1 is under the threshold of 3"
    assert in_a == {"loans": None}, "A's 4 would tell B's as 5 - 4"
    assert exactly_in_b == {"loans": 1}
    groups = await groups_of(credit, Selection(*YEAR_2023, "01"))
    assert shown_amount(PUBLIC, total(amounts_by(groups, "purpose", "requested"))) == 93 * MILLION
    assert shown_amount(PUBLIC, total(amounts_by(groups, "purpose", "overdue"))) is None, "one loan is overdue"
    assert shown_amount(EXACT, total(amounts_by(groups, "purpose", "overdue"))) == 5 * MILLION
