"""Rules that need two fields of a release at once: age at release, the supervision period, residence."""

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from pydantic_core import InitErrorDetails, PydanticCustomError

from hoanhap.contracts import ReleaseType
from hoanhap.contracts.values import MONTHS_MAX, OLDEST_AT_RELEASE, YOUNGEST_AT_RELEASE
from hoanhap.places import official_places
from hoanhap_registry.domain.periods import age_on, months_between


class Residence(Protocol):
    """A province and a commune in it."""

    @property
    def province_code(self) -> str: ...
    @property
    def commune_code(self) -> str: ...


class ReleaseFacts(Residence, Protocol):
    """The fields these rules read (ReleaseFields has them, read-only)."""

    @property
    def birth_date(self) -> date: ...
    @property
    def release_type(self) -> ReleaseType: ...
    @property
    def release_date(self) -> date: ...
    @property
    def supervision_end(self) -> date | None: ...


@dataclass(frozen=True)
class FieldProblem:
    """A refusal and the field an officer should correct."""

    field: str
    message: str

    def as_error_details(self) -> InitErrorDetails:
        """The problem as a pydantic error located at its field."""
        return InitErrorDetails(type=PydanticCustomError("release_rule", self.message), loc=(self.field,), input=None)


def age_problem(release: ReleaseFacts) -> FieldProblem | None:
    age = age_on(release.release_date, release.birth_date)
    if YOUNGEST_AT_RELEASE <= age <= OLDEST_AT_RELEASE:
        return None
    return FieldProblem("birth_date", f"the birth date makes the person {age} on the release date "
                                      f"{release.release_date.isoformat()}; the age at release must be "
                                      f"{YOUNGEST_AT_RELEASE} to {OLDEST_AT_RELEASE}")


def supervision_problem(release: ReleaseFacts) -> FieldProblem | None:
    kind, end = release.release_type, release.supervision_end
    if kind.has_supervision_period and end is None:
        return FieldProblem("supervision_end", f"is required for release type {kind.value}")
    if not kind.has_supervision_period and end is not None:
        return FieldProblem("supervision_end", f"must be empty for release type {kind.value}, "
                                               "which has no supervision period")
    if end is not None and end <= release.release_date:
        return FieldProblem("supervision_end", f"{end.isoformat()} must be after the release date "
                                               f"{release.release_date.isoformat()}")
    if end is not None and months_between(release.release_date, end) > MONTHS_MAX:
        return FieldProblem("supervision_end", f"{end.isoformat()} is more than {MONTHS_MAX} months after the "
                                               f"release date {release.release_date.isoformat()}")
    return None


def residence_problem(place: Residence) -> FieldProblem | None:
    """A commune outside the province given, placed on the commune (a release and a move alike)."""
    mismatch = official_places().province_mismatch(place.commune_code, place.province_code)
    return FieldProblem("commune_code", mismatch) if mismatch else None


def problems_between_fields(release: ReleaseFacts) -> list[FieldProblem]:
    """Every rule across fields that the release breaks."""
    found = [age_problem(release), supervision_problem(release), residence_problem(release)]
    return [problem for problem in found if problem is not None]
