"""Validated field types shared by the HTTP requests and the bulk import, so both refuse the same input alike."""

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from hoanhap.contracts.values import CommuneCode, Day, PenalCodeArticle, ProvinceCode
from hoanhap.places import official_places
from hoanhap.vietnam_time import vietnam_today
from hoanhap_registry.identity.citizen_id import citizen_id_problem

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200,
                                        pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$")]  # no control characters
Article = PenalCodeArticle


def valid_citizen_id(value: str) -> str:
    """12 digits starting with a province code."""
    problem = citizen_id_problem(value)
    if problem:
        raise ValueError(f"{value!r} is not a citizen ID number: {problem}")
    return value


def not_in_the_future(value: date) -> date:
    """Today (in Vietnam) or earlier."""
    if value > vietnam_today():
        raise ValueError(f"{value.isoformat()} is in the future")
    return value


def official_province(code: str) -> str:
    """One of the 34 official province codes."""
    problem = official_places().province_problem(code)
    if problem:
        raise ValueError(problem)
    return code


def official_commune(code: str) -> str:
    """One of the 3,321 official commune codes."""
    problem = official_places().commune_problem(code)
    if problem:
        raise ValueError(problem)
    return code


CitizenId = Annotated[str, AfterValidator(valid_citizen_id)]
PastDate = Annotated[Day, AfterValidator(not_in_the_future)]
OfficialProvince = Annotated[ProvinceCode, AfterValidator(official_province)]
OfficialCommune = Annotated[CommuneCode, AfterValidator(official_commune)]
