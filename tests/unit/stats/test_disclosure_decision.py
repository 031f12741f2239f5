"""Who sees a figure exactly (its own jurisdiction) and what the public may ask for (closed calendar years in
Vietnam's time, a province, no breakdowns of people, cohorts followed 12 months)."""

from datetime import date

import pytest

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap_stats.figures.disclosure import sees_exactly
from hoanhap_stats.figures.public_rules import cohort_problems, follow_up_complete_on, public_problems
from hoanhap_stats.figures.selection import Selection

TODAY = date(2026, 12, 3)
YEAR_2025 = Selection(date(2025, 1, 1), date(2025, 12, 31), "01")


def principal(agency: Agency, province: str = "01", communes: tuple[str, ...] = (),
              role: Role = Role.ANALYST) -> Principal:
    return Principal(sub="someone", agency=agency, role=role,
                     jurisdiction=Jurisdiction(province=province, communes=communes))


@pytest.mark.parametrize("role", list(Role))
def test_the_provinces_steering_committee_and_police_see_its_figures_exactly_in_any_role(role):
    for agency in (Agency.STEERING_COMMITTEE, Agency.POLICE):
        assert sees_exactly(principal(agency, role=role), "01", None)
        assert sees_exactly(principal(agency, role=role), "01", "00004")


def test_a_communes_police_sees_its_commune_exactly_but_not_the_province_nor_another_commune():
    police = principal(Agency.POLICE, communes=("00004",), role=Role.OFFICER)
    assert sees_exactly(police, "01", "00004")
    assert not sees_exactly(police, "01", None)
    assert not sees_exactly(police, "01", "00070")


def test_no_token_another_province_the_bank_and_supervision_get_the_public_view():
    assert not sees_exactly(None, "01", "00004")
    assert not sees_exactly(principal(Agency.STEERING_COMMITTEE, "79"), "01", None)
    assert not sees_exactly(principal(Agency.BANK, role=Role.SUPERVISOR), "01", None)
    assert not sees_exactly(principal(Agency.SUPERVISION, role=Role.SUPERVISOR), "01", "00004")


def test_a_national_figure_is_nobodys_jurisdiction():
    assert not sees_exactly(principal(Agency.STEERING_COMMITTEE), None, None)


def fields(problems: list[dict]) -> set[str]:
    return {problem["loc"][-1] for problem in problems}


def test_the_public_may_ask_for_a_closed_calendar_year_of_a_province():
    assert public_problems(YEAR_2025, TODAY) == []


def test_any_other_period_is_refused_naming_from_and_to_and_saying_what_is_offered():
    periods = [(date(2025, 1, 5), date(2025, 12, 31)), (date(2025, 1, 1), date(2025, 3, 31)),
               (date(2024, 1, 1), date(2025, 12, 31)), (date(2026, 1, 1), date(2026, 12, 31))]
    for start, end in periods:
        problems = public_problems(Selection(start, end, "01"), TODAY)
        assert fields(problems) == {"from", "to"}
        assert "closed calendar years" in problems[0]["msg"] and "own token" in problems[0]["msg"]


def test_a_year_is_closed_from_the_next_years_first_day_on_the_given_vietnamese_date():
    assert fields(public_problems(Selection(date(2026, 1, 1), date(2026, 12, 31), "01"), date(2026, 12, 31)))
    assert public_problems(Selection(date(2026, 1, 1), date(2026, 12, 31), "01"), date(2027, 1, 1)) == []


@pytest.mark.parametrize("name", ["release_type", "sex", "age_band", "offence_group"])
def test_breakdowns_of_people_are_refused_to_the_public_naming_the_field(name):
    values = {"release_type": "parole", "sex": "female", "age_band": "18-29", "offence_group": "drugs"}
    problems = public_problems(Selection(YEAR_2025.start, YEAR_2025.end, "01", **{name: values[name]}), TODAY)
    assert fields(problems) == {name} and "single people out" in problems[0]["msg"]


def test_a_national_figure_is_refused_to_the_public_naming_province_code():
    assert fields(public_problems(Selection(YEAR_2025.start, YEAR_2025.end), TODAY)) == {"province_code"}


def test_the_public_cohort_is_followed_12_months_and_complete_two_new_years_after_its_own():
    assert cohort_problems(12) == []
    assert fields(cohort_problems(6)) == {"months"}
    assert follow_up_complete_on(2025) == date(2027, 1, 1)
