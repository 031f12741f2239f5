"""Small-cell suppression of public figures: counts below the threshold are withheld, and so is any figure from
which a withheld count could be worked out. Authenticated callers see every figure."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Disclosure:
    """What one caller may see: everything (authenticated) or figures of at least `threshold`."""

    threshold: int
    authenticated: bool

    def count(self, value: int) -> int | None:
        """The count, or None when it is a small cell (zero is shown: it singles nobody out)."""
        if self.authenticated or value == 0 or value >= self.threshold:
            return value
        return None

    def rate(self, numerator: int, denominator: int) -> dict[str, Any]:
        """A rate with its counts; withheld whole when either count is small (one gives away the other)."""
        shown = self.count(numerator) is not None and self.count(denominator) is not None
        return {"numerator": numerator if shown else None, "denominator": denominator if shown else None,
                "rate": (numerator / denominator if denominator else None) if shown else None,
                "suppressed": not shown}

    def breakdown(self, cells: dict[str, int]) -> dict[str, int | None]:
        """Cells of a total: small ones withheld; if only one is, the next smallest too, so the total does not
        give it away."""
        shown = {key: self.count(value) for key, value in cells.items()}
        hidden = [key for key, value in shown.items() if value is None]
        if len(hidden) == 1:
            visible = sorted((value, key) for key, value in shown.items() if value)
            if visible:
                shown[visible[0][1]] = None
        return shown
