"""Supervision's figures in SQL, against the real PostgreSQL: read-model rows inserted by hand, then each figure's
query compared with counts made by hand, for a commune, its province and a breakdown of people; and the public
view of the province's table, small cells withheld with what would give them away.

Province 01, 2023. Commune A: p1's case open all year (risk A), p2's closed on 1 March (risk D), p3's opened in 2024,
p4's closed in 2022. Commune B: p5's case, opened in May, never assessed. p1 is a man, p2 a woman; p5 has no
release in stats.
"""

import uuid
from datetime import date
from typing import Any

import pytest

from hoanhap_stats.figures.amounts import Amount, shown_amount
from hoanhap_stats.figures.disclosure import Disclosure
from hoanhap_stats.figures.place_tables import published_counts
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.supervision import figures, measures

A, B = "00004", "00007"
YEAR_2023 = (date(2023, 1, 1), date(2023, 12, 31))
PUBLIC = Disclosure(threshold=3, exact=False)
EXACT = Disclosure(threshold=3, exact=True)
P = {name: uuid.uuid4() for name in ("p1", "p2", "p3", "p4", "p5")}
CASE = {name: uuid.uuid4() for name in P}
MODEL = uuid.uuid4()
SHARED_MODEL, ENDED_MODEL = uuid.uuid4(), uuid.uuid4()


def on_case(name: str, commune: str = A) -> dict[str, Any]:
    return {"case_id": CASE[name], "person_id": P[name], "province_code": "01", "commune_code": commune}


def case(name: str, opened: date, closed: date | None = None, risk: str | None = None,
         commune: str = A) -> dict[str, Any]:
    return {**on_case(name, commune), "opened_on": opened, "commitment_signed": True, "closed_on": closed,
            "risk_group": risk}


def visit(name: str, kind: str, on: date, commune: str = A) -> dict[str, Any]:
    return {**on_case(name, commune), "visit_id": uuid.uuid4(), "kind": kind, "visited_on": on}


def support(name: str, kind: str, on: date, vnd: int | None, commune: str = A) -> dict[str, Any]:
    return {**on_case(name, commune), "support_id": uuid.uuid4(), "kind": kind, "provided_on": on, "value_vnd": vnd}


def release(name: str, sex: str) -> dict[str, Any]:
    return {"person_id": P[name], "province_code": "01", "commune_code": A, "release_type": "completed_sentence",
            "release_date": date(2022, 12, 1), "sex": sex, "offence_articles": [173], "age_at_release": 30}


@pytest.fixture
async def supervision(pool, insert_rows):
    """The cases, visits, support, sponsors, models and outreach of the module's story."""
    await insert_rows("releases", [release("p1", "male"), release("p2", "female")])
    await insert_rows("supervision_cases", [
        case("p1", date(2023, 1, 10), risk="A"), case("p2", date(2022, 6, 1), date(2023, 3, 1), "D"),
        case("p3", date(2024, 2, 1)), case("p4", date(2022, 1, 1), date(2022, 12, 31), "B"),
        case("p5", date(2023, 5, 5), commune=B)])
    await insert_rows("supervision_visits", [
        visit("p1", "home_visit", date(2023, 2, 1)), visit("p1", "phone_call", date(2023, 5, 1)),
        visit("p2", "home_visit", date(2023, 2, 15)), visit("p3", "home_visit", date(2024, 3, 1)),
        visit("p5", "reported_at_commune", date(2023, 6, 1), B)])
    await insert_rows("supervision_support", [
        support("p1", "material_aid", date(2023, 7, 1), 2_000_000), support("p2", "material_aid", date(2023, 2, 1), 0),
        support("p1", "counselling", date(2023, 3, 1), None),
        support("p5", "material_aid", date(2023, 8, 1), 500_000, B)])
    await insert_rows("supervision_sponsors", [
        {**on_case("p1"), "assignment_id": uuid.uuid4(), "sponsor_kind": "individual", "assigned_on": date(2023, 3, 3),
         "model_id": MODEL},
        {**on_case("p2"), "assignment_id": uuid.uuid4(), "sponsor_kind": "business", "assigned_on": date(2023, 4, 4),
         "model_id": None}])
    await insert_rows("supervision_sponsorship_ends", [
        {**on_case(name), "end_id": uuid.uuid4(), "ended_on": ended_on}
        for name, ended_on in (("p2", date(2023, 6, 1)), ("p1", date(2024, 2, 1)))])
    models = ((MODEL, "commune", (A,), date(2022, 5, 1)), (uuid.uuid4(), "district", (A,), date(2023, 6, 1)),
              (uuid.uuid4(), "commune", (B,), date(2024, 1, 1)), (SHARED_MODEL, "commune", (B, A), date(2023, 2, 1)),
              (ENDED_MODEL, "commune", (B,), date(2022, 1, 1)))
    await insert_rows("local_models", [
        {"model_id": model_id, "title": "Mô hình", "level": level, "province_code": "01", "commune_code": communes[0],
         "launched_on": launched} for model_id, level, communes, launched in models])
    await insert_rows("local_model_communes", [{"model_id": model_id, "commune_code": commune}
                                               for model_id, _, communes, _ in models for commune in communes])
    await insert_rows("local_model_ends", [{"model_id": ENDED_MODEL, "ended_on": date(2023, 12, 31)}])
    await insert_rows("outreach", [
        {"outreach_id": uuid.uuid4(), "activity": activity, "quantity": quantity, "attendance": attendance,
         "province_code": "01", "commune_code": commune, "held_on": held_on}
        for activity, quantity, attendance, commune, held_on in (
            ("mobile_session", 2, 40, A, date(2023, 4, 1)), ("mobile_session", 1, 10, A, date(2023, 9, 1)),
            ("banner", 5, None, A, date(2023, 5, 1)), ("job_introduction_conference", 1, 300, None, date(2023, 10, 1)),
            ("social_media_post", 12, None, None, date(2023, 11, 1)), ("banner", 2, None, B, date(2023, 5, 2)))])
    return pool


async def test_visits_and_coverage_count_the_rows_of_the_place_in_the_period(supervision):
    async with supervision.acquire() as connection:
        assert await figures.visits_by_kind(connection, Selection(*YEAR_2023, "01", A)) == {
            "home_visit": 2, "phone_call": 1, "reported_at_commune": 0}, "p3's 2024 visit is not in 2023"
        assert await figures.visit_coverage(connection, Selection(*YEAR_2023, "01", A)) == (2, 2)
        assert await figures.visit_coverage(connection, Selection(*YEAR_2023, "01")) == (3, 3)
        assert await figures.visits_by_kind(connection, Selection(*YEAR_2023, "01", A, sex="female")) == {
            "home_visit": 1, "phone_call": 0, "reported_at_commune": 0}, "p2's only"


async def test_risk_groups_count_people_under_supervision_in_the_period_by_their_latest_group(supervision):
    async with supervision.acquire() as connection:
        assert await figures.people_by_risk_group(connection, Selection(*YEAR_2023, "01", A)) == {
            "A": 1, "B": 0, "C": 0, "D": 1, "not_assessed": 0}, "p4 closed in 2022, p3 opened in 2024"
        assert await figures.people_by_risk_group(connection, Selection(*YEAR_2023, "01")) == {
            "A": 1, "B": 0, "C": 0, "D": 1, "not_assessed": 1}
        assert (await figures.people_by_risk_group(connection, Selection(*YEAR_2023, "01", sex="male")))["A"] == 1
        assert sum((await figures.people_by_risk_group(connection, Selection(*YEAR_2023, "01", sex="male"))
                    ).values()) == 1, "with a breakdown of people, p5 (no release in stats) is left out"


async def test_support_counts_each_time_and_sums_only_the_valued_aid(supervision):
    async with supervision.acquire() as connection:
        in_a = await figures.support_by_kind(connection, Selection(*YEAR_2023, "01", A))
        in_province = await figures.support_by_kind(connection, Selection(*YEAR_2023, "01"))
    assert in_a["material_aid"] == (2, Amount(2_000_000, 1)), "an aid of 0 VND is given, but adds no record to a sum"
    assert in_a["counselling"] == (1, Amount(0, 0))
    assert in_a["job_referral"] == (0, Amount())
    assert in_province["material_aid"] == (3, Amount(2_500_000, 2))
    assert shown_amount(PUBLIC, in_province["material_aid"][1]) is None, "a sum over 2 records, threshold 3"
    assert shown_amount(EXACT, in_province["material_aid"][1]) == 2_500_000


async def test_sponsors_models_and_outreach(supervision):
    async with supervision.acquire() as connection:
        period = Selection(*YEAR_2023, "01", A)
        assert await figures.sponsors_by_kind(connection, period) == {
            "individual": (1, 1), "organisation": (0, 0), "business": (1, 0)}
        assert await figures.models_by_level(connection, period) == {"commune": (1, 2), "district": (1, 1)}, \
            "the model B runs covers A too"
        outreach = await figures.outreach_by_activity(connection, period)
    assert outreach["mobile_session"] == {"held": 2, "quantity": 3, "attendance": 50}
    assert outreach["banner"] == {"held": 1, "quantity": 5, "attendance": None}, "a banner has no attendance"
    assert outreach["job_counselling"] == {"held": 0, "quantity": 0, "attendance": 0}
    assert outreach["job_introduction_conference"] == {"held": 0, "quantity": 0, "attendance": 0}, "province-wide"


async def test_sponsorships_ended_in_the_period_and_in_force_at_its_end(supervision):
    async with supervision.acquire() as connection:
        in_2023 = await figures.sponsorship_ends(connection, Selection(*YEAR_2023, "01", A))
        in_spring = await figures.sponsorship_ends(connection, Selection(date(2023, 1, 1), date(2023, 5, 31), "01", A))
        in_2024 = await figures.sponsorship_ends(connection, Selection(date(2024, 1, 1), date(2024, 12, 31), "01"))
        in_b = await figures.sponsorship_ends(connection, Selection(*YEAR_2023, "01", B))
    assert in_2023 == (1, 1), "p2's ended in June; p1's still in force at the year's end"
    assert in_spring == (0, 2) and in_2024 == (1, 0) and in_b == (0, 0)


async def test_a_model_covering_two_communes_counts_in_each_and_once_in_the_province(supervision):
    async with supervision.acquire() as connection:
        in_b = await figures.models_by_level(connection, Selection(*YEAR_2023, "01", B))
        in_province = await figures.models_by_level(connection, Selection(*YEAR_2023, "01"))
    assert in_b == {"commune": (1, 1), "district": (0, 0)}, "the shared model; the ended one and 2024's are not"
    assert in_province == {"commune": (1, 2), "district": (1, 1)}, "MODEL and the shared one, each once"


async def test_a_model_ended_on_the_periods_last_day_is_not_in_place_at_its_end(supervision):
    async with supervision.acquire() as connection:
        day_before = Selection(date(2023, 1, 1), date(2023, 12, 30), "01", B)
        before_its_end = await figures.models_by_level(connection, day_before)
        at_its_end = await figures.models_by_level(connection, Selection(*YEAR_2023, "01", B))
    assert before_its_end["commune"] == (1, 2) and at_its_end["commune"] == (1, 1)


async def test_province_wide_outreach_counts_in_the_province_and_in_no_commune(supervision):
    async with supervision.acquire() as connection:
        in_province = await figures.outreach_by_activity(connection, Selection(*YEAR_2023, "01"))
        in_a = await figures.outreach_by_activity(connection, Selection(*YEAR_2023, "01", A))
        in_b = await figures.outreach_by_activity(connection, Selection(*YEAR_2023, "01", B))
    assert in_province["job_introduction_conference"] == {"held": 1, "quantity": 1, "attendance": 300}
    assert in_province["social_media_post"] == {"held": 1, "quantity": 12, "attendance": None}
    assert in_province["banner"] == {"held": 2, "quantity": 7, "attendance": None}
    assert in_a["social_media_post"]["held"] == in_b["social_media_post"]["held"] == 0
    assert in_b["banner"] == {"held": 1, "quantity": 2, "attendance": None}


async def test_the_public_sees_the_province_total_but_not_a_small_commune_nor_the_one_that_gives_it_away(supervision):
    async with supervision.acquire() as connection:
        province = await published_counts(connection, measures.visits, Selection(*YEAR_2023, "01"), PUBLIC)
        in_a = await published_counts(connection, measures.visits, Selection(*YEAR_2023, "01", A), PUBLIC)
        in_b = await published_counts(connection, measures.visits, Selection(*YEAR_2023, "01", B), PUBLIC)
        exactly_in_b = await published_counts(connection, measures.visits, Selection(*YEAR_2023, "01", B), EXACT)
    assert province == {"visits": 4, "visited": 3, "supervised": 3}
    assert in_b == {"visits": None, "visited": None, "supervised": None}, "B's 1 is under the threshold of 3"
    assert in_a == {"visits": None, "visited": None, "supervised": None}, "A's 3 would tell B's as 4 - 3"
    assert exactly_in_b == {"visits": 1, "visited": 1, "supervised": 1}
