"""Contact compliance and plan areas in SQL, against the real PostgreSQL: read-model rows inserted by hand, each
figure compared with counts made by hand; the due day itself complies and the day after does not; the public view
of a commune withholds what its province's table withholds.

Province 01. Commune A: c1 (a man) due on 2023-12-31, c2 (a woman) overdue since 2023-12-30, c3 due nothing (group
D), c4 whose only later due day is known from 2024, c5 closed on 2023-12-30, c6 closed on 2023-12-31 and not yet
due, c7 opened in 2024. Commune B: c8, no next-due day known.
"""

import uuid
from datetime import date
from typing import Any

import pytest

from hoanhap_stats.figures.disclosure import Disclosure
from hoanhap_stats.figures.place_tables import published_counts
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.supervision import measures
from hoanhap_stats.supervision.follow_up_figures import contact_compliance, plan_areas

A, B = "00004", "00007"
YEAR_2023 = (date(2023, 1, 1), date(2023, 12, 31))
PUBLIC = Disclosure(threshold=3, exact=False)
EXACT = Disclosure(threshold=3, exact=True)
CASES = {f"c{n}": uuid.uuid4() for n in range(1, 9)}
PEOPLE = {name: uuid.uuid4() for name in CASES}
OPENED = {name: date(2023, 1, 10) for name in CASES} | {"c6": date(2022, 6, 1), "c7": date(2024, 1, 5),
                                                        "c8": date(2023, 5, 5)}
CLOSED = {"c5": date(2023, 12, 30), "c6": date(2023, 12, 31)}


def on_case(name: str) -> dict[str, Any]:
    return {"case_id": CASES[name], "person_id": PEOPLE[name], "province_code": "01",
            "commune_code": B if name == "c8" else A}


def due(name: str, as_of: date, next_due_on: date | None) -> dict[str, Any]:
    return {**on_case(name), "as_of": as_of, "next_due_on": next_due_on}


def status(name: str, area: str, on: date, value: str) -> dict[str, Any]:
    return {**on_case(name), "area": area, "changed_on": on, "status": value}


@pytest.fixture
async def followed(pool, insert_rows):
    """The cases, their next-due days and their plans' statuses."""
    await insert_rows("supervision_cases", [
        {**on_case(name), "opened_on": OPENED[name], "commitment_signed": True, "closed_on": CLOSED.get(name)}
        for name in CASES])
    await insert_rows("releases", [
        {"person_id": PEOPLE[name], "province_code": "01", "commune_code": A, "release_type": "completed_sentence",
         "release_date": date(2022, 12, 1), "sex": sex, "offence_articles": [173], "age_at_release": 30}
        for name, sex in (("c1", "male"), ("c2", "female"))])
    await insert_rows("supervision_contact_due", [
        due("c1", date(2023, 1, 10), date(2023, 1, 24)), due("c1", date(2023, 12, 1), date(2023, 12, 31)),
        due("c2", date(2023, 12, 1), date(2023, 12, 30)), due("c3", date(2023, 6, 1), None),
        due("c4", date(2023, 1, 10), date(2023, 1, 24)), due("c4", date(2024, 1, 2), date(2024, 2, 1)),
        due("c5", date(2023, 1, 10), date(2024, 1, 24)), due("c6", date(2023, 1, 10), date(2024, 1, 10))])
    await insert_rows("supervision_plan_areas", [
        status("c1", "id_card", date(2023, 2, 1), "in_progress"), status("c1", "id_card", date(2023, 5, 1), "met"),
        status("c1", "family", date(2024, 1, 3), "met"),
        status("c2", "id_card", date(2023, 3, 1), "met"), status("c2", "id_card", date(2023, 4, 1), "in_progress"),
        status("c2", "id_card", date(2023, 8, 1), "met"),
        status("c3", "family", date(2023, 3, 1), "support_needed"),
        status("c3", "health", date(2023, 3, 1), "not_started"),
        status("c5", "work_and_income", date(2023, 7, 1), "met"), status("c6", "loans", date(2022, 12, 20), "met"),
        status("c7", "id_card", date(2024, 2, 1), "met")])
    return pool


async def test_compliance_counts_the_people_supervised_on_the_last_day_whose_latest_due_day_is_not_past(followed):
    async with followed.acquire() as connection:
        assert await contact_compliance(connection, Selection(*YEAR_2023, "01", A)) == (3, 5), "c1, c3, c6 of 1-4, 6"
        assert await contact_compliance(connection, Selection(*YEAR_2023, "01", B)) == (0, 1), "none known: not met"
        assert await contact_compliance(connection, Selection(*YEAR_2023, "01")) == (3, 6)
        assert await contact_compliance(connection, Selection(*YEAR_2023, "01", sex="female")) == (0, 1), "c2"


async def test_the_due_day_itself_complies_and_the_day_after_does_not(followed):
    async with followed.acquire() as connection:
        on_the_day = await contact_compliance(connection, Selection(date(2023, 12, 31), date(2023, 12, 31), "01", A,
                                                                    sex="male"))
        day_after = await contact_compliance(connection, Selection(date(2023, 12, 31), date(2024, 1, 1), "01", A,
                                                                   sex="male"))
        everyone_day_after = await contact_compliance(connection, Selection(date(2024, 1, 1), date(2024, 1, 1), "01",
                                                                            A))
    assert (on_the_day, day_after) == ((1, 1), (0, 1)), "c1, due on 2023-12-31"
    assert everyone_day_after == (1, 4), "c3 only, of c1-c4 (c6 closed the day before, c7 not open yet)"


async def test_plan_areas_count_people_by_the_status_at_the_periods_end_and_each_area_that_became_met(followed):
    async with followed.acquire() as connection:
        in_a = await plan_areas(connection, Selection(*YEAR_2023, "01", A))
        of_women = await plan_areas(connection, Selection(*YEAR_2023, "01", sex="female"))
    assert in_a["id_card"] == (2, 2, 3), "c1 met once, c2 met twice in 2023; c7 not supervised in 2023"
    assert in_a["family"] == (1, 0, 0), "c3 needs support; c1's met comes in 2024"
    assert in_a["health"] == (0, 0, 0), "not started is not in the plan"
    assert in_a["work_and_income"] == (1, 1, 1), "c5, supervised in 2023 until its closing"
    assert in_a["loans"] == (1, 1, 0), "c6's met came in 2022"
    assert in_a["legal_aid"] == (0, 0, 0)
    assert of_women["id_card"] == (1, 1, 2)


async def test_the_public_commune_withholds_what_the_province_table_withholds(followed):
    async with followed.acquire() as connection:
        province = await published_counts(connection, measures.contact_compliance, Selection(*YEAR_2023, "01"),
                                          PUBLIC)
        in_a = await published_counts(connection, measures.contact_compliance, Selection(*YEAR_2023, "01", A), PUBLIC)
        exactly_in_b = await published_counts(connection, measures.contact_compliance,
                                              Selection(*YEAR_2023, "01", B), EXACT)
    assert province == {"complying": 3, "supervised": 6}
    assert in_a == {"complying": 3, "supervised": None}, "A's 5 supervised would tell B's 1 as 6 - 5"
    assert exactly_in_b == {"complying": 0, "supervised": 1}
