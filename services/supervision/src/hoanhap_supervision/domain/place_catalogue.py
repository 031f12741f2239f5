"""The official provinces and communes as the community rules need them (the shared catalogue, handed in by the
application, fits this shape), and the checks of a place against them."""

from typing import Protocol

from hoanhap_supervision.domain.errors import RuleViolation


class PlaceCatalogue(Protocol):
    """Why a code is not official, or a commune not of a province (None when it is)."""

    def province_problem(self, code: str) -> str | None: ...

    def commune_problem(self, code: str) -> str | None: ...

    def province_mismatch(self, commune_code: str, province_code: str) -> str | None: ...


def ensure_official_place(places: PlaceCatalogue, province_code: str, commune_code: str | None) -> None:
    """An official province, and an official commune of it if one is named."""
    if problem := places.province_problem(province_code):
        raise RuleViolation("province_code", problem)
    if commune_code is not None and (problem := places.commune_problem(commune_code)
                                     or places.province_mismatch(commune_code, province_code)):
        raise RuleViolation("commune_code", problem)


def ensure_in_one_province(places: PlaceCatalogue, province_code: str, commune_codes: tuple[str, ...]) -> None:
    """Official communes, each once, all in the province."""
    if problem := places.province_problem(province_code):
        raise RuleViolation("province_code", problem)
    if len(set(commune_codes)) != len(commune_codes):
        raise RuleViolation("commune_codes", "a commune is listed twice")
    for code in commune_codes:
        if problem := places.commune_problem(code) or places.province_mismatch(code, province_code):
            raise RuleViolation("commune_codes", problem)
