"""The official provinces and communes as an immutable catalogue with O(1) lookups and readable residence checks."""

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Commune:
    """A commune-level unit (xã, phường, đặc khu) since the 2025-07-01 reorganisation."""

    code: str
    name: str
    province_code: str


def _shown(code: str) -> str:
    """A code as it reads in a message: bare when it is digits, quoted otherwise so blanks and typos stay visible."""
    return code if code.isascii() and code.isdigit() else repr(code)


@dataclass(frozen=True)
class Places:
    """Provinces (2-digit codes) and communes (5-digit codes), keyed by code; build it with `official_places()`."""

    province_names: Mapping[str, str]
    communes: Mapping[str, Commune]

    def province_name(self, code: str) -> str | None:
        """The province's official name, or None when the code is not an official province code."""
        return self.province_names.get(code)

    def commune(self, code: str) -> Commune | None:
        """The commune with this code, or None when the code is not an official commune code."""
        return self.communes.get(code)

    def is_commune_of(self, commune_code: str, province_code: str) -> bool:
        """True when the commune exists and lies in the province."""
        commune = self.communes.get(commune_code)
        return commune is not None and commune.province_code == province_code

    def province_problem(self, code: str) -> str | None:
        """Why the code is not an official province code, or None when it is one."""
        if code in self.province_names:
            return None
        return f"province_code {_shown(code)} is not an official province code (2 digits, e.g. 01 for Hà Nội)"

    def commune_problem(self, code: str) -> str | None:
        """Why the code is not an official commune code, or None when it is one."""
        if code in self.communes:
            return None
        return f"commune_code {_shown(code)} is not an official commune code (5 digits, e.g. 00004)"

    def province_mismatch(self, commune_code: str, province_code: str) -> str | None:
        """Why an official commune does not lie in an official province, or None when it does (or either is unknown)."""
        commune = self.communes.get(commune_code)
        if commune is None or province_code not in self.province_names or commune.province_code == province_code:
            return None
        return (f"commune {commune.code} ({commune.name}) belongs to province {commune.province_code} "
                f"({self.province_names[commune.province_code]}), not {province_code} "
                f"({self.province_names[province_code]})")

    def validate_residence(self, province_code: str, commune_code: str) -> list[str]:
        """Every reason the pair is not an official commune of an official province; empty when it is."""
        problems = [self.province_problem(province_code), self.commune_problem(commune_code),
                    self.province_mismatch(commune_code, province_code)]
        return [problem for problem in problems if problem is not None]
