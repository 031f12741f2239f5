"""The field types of credit's requests, each bound declared once: money and counts from hoanhap.contracts.values,
texts bounded here, days never in the future, places official."""

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from hoanhap.contracts.values import CommuneCode, Day, ProvinceCode
from hoanhap.places import official_places
from hoanhap.vietnam_time import vietnam_today

NO_CONTROL = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"


def encodable(value: str) -> str:
    """Text that can be stored: valid Unicode (no lone surrogate)."""
    try:
        value.encode()
    except UnicodeEncodeError as error:
        raise ValueError("is not valid Unicode text") from error
    return value


def citizen_id_number(value: str) -> str:
    """12 digits starting with a province code (001-096); the refusal never repeats the number."""
    if len(value) != 12 or not (value.isascii() and value.isdigit()):
        raise ValueError("a citizen ID number is exactly 12 digits")
    if not 1 <= int(value[:3]) <= 96:
        raise ValueError("a citizen ID number starts with a province code, 001 to 096")
    return value


def not_in_the_future(value: date) -> date:
    """Today (in Vietnam) or earlier."""
    if value > vietnam_today():
        raise ValueError(f"{value.isoformat()} is in the future")
    return value


def official_province(code: str) -> str:
    """One of the official province codes."""
    if problem := official_places().province_problem(code):
        raise ValueError(problem)
    return code


def official_commune(code: str) -> str:
    """One of the official commune codes."""
    if problem := official_places().commune_problem(code):
        raise ValueError(problem)
    return code


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=NO_CONTROL),
                 AfterValidator(encodable)]
"""A name, an address, a group's name or number: kept in credit only, never published."""
FreeText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000,
                                            pattern=NO_CONTROL), AfterValidator(encodable)]
"""A reason in a supervisor's words: sealed with the borrower's key, never published."""
CitizenId = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(citizen_id_number)]
PastDay = Annotated[Day, AfterValidator(not_in_the_future)]
OfficialProvince = Annotated[ProvinceCode, AfterValidator(official_province)]
OfficialCommune = Annotated[CommuneCode, AfterValidator(official_commune)]
