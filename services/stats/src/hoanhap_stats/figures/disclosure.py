"""Who sees a figure exactly, and how everyone else is shown it (docs/disclosure-control.md).

Exact figures are for the figure's own jurisdiction: the steering committee or the police whose token covers
the place (a province-wide figure needs a province-wide token); a source may declare other agencies for its
figures (credit's: the steering committee and the bank, hoanhap_stats/credit/release.py). Every other caller gets
the public view: closed calendar years, no breakdowns of people as filters, complementary cell suppression within
each province's table, and breakdowns and sums of money for whole provinces only.
"""

from dataclasses import dataclass, field
from typing import Any

from hoanhap.auth import Agency, Principal
from hoanhap_stats.figures.recent_tables import RecentTables
from hoanhap_stats.figures.suppression import suppress_table

JURISDICTION_AGENCIES = frozenset({Agency.STEERING_COMMITTEE, Agency.POLICE})
"""The agencies that see their own jurisdiction's figures exactly (any role: analysts read exactly aggregates)."""


def sees_exactly(principal: Principal | None, province_code: str | None, commune_code: str | None,
                 agencies: frozenset[Agency] = JURISDICTION_AGENCIES) -> bool:
    """True when the caller is of one of the agencies (by default JURISDICTION_AGENCIES; a source may declare its
    own) and has jurisdiction over the figure's place (a national figure is nobody's)."""
    return (principal is not None and province_code is not None and principal.agency in agencies
            and principal.can_access(province_code, commune_code))


@dataclass(frozen=True)
class Disclosure:
    """How one answer is shown: exactly, or by the public rules with this threshold."""

    threshold: int
    exact: bool
    commune_level: bool = False
    recent: RecentTables | None = field(default=None, compare=False)
    """Where public tables computed lately are kept (None: always computed anew)."""

    @property
    def view(self) -> str:
        return "jurisdiction" if self.exact else "public"

    def breakdown(self, cells: dict[str, int], total_shown: int | None) -> dict[str, int | None]:
        """Cells of the answer's total: all of them exactly; publicly, for a whole province whose total is shown,
        suppressed against that total; else none (a commune's breakdown would difference against its province's)."""
        if self.exact:
            return dict(cells)
        if total_shown is None or self.commune_level:
            return dict.fromkeys(cells)
        return suppress_table(sum(cells.values()), cells, self.threshold).cells

    def described(self) -> dict[str, Any]:
        """What an answer says about how it is shown."""
        return {"view": self.view, "threshold": None if self.exact else self.threshold}


def disclosure_for(principal: Principal | None, province_code: str | None, commune_code: str | None,
                   threshold: int, recent: RecentTables | None = None,
                   agencies: frozenset[Agency] = JURISDICTION_AGENCIES) -> Disclosure:
    """The disclosure of a figure about this place (None: the whole province, or the country) for this caller."""
    return Disclosure(threshold, sees_exactly(principal, province_code, commune_code, agencies),
                      commune_level=commune_code is not None, recent=recent)


def rate_of(numerator: int | None, denominator: int | None) -> dict[str, Any]:
    """A rate with its counts as shown (each already safe on its own, from its own table); the rate only when both
    are shown."""
    shown = numerator is not None and denominator is not None
    return {"numerator": numerator, "denominator": denominator,
            "rate": (numerator / denominator if denominator else None) if shown else None,  # type: ignore[operator]
            "suppressed": not shown}
