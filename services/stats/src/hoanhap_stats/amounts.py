"""Sums of money in public figures: a sum over a few records would tell what one person or business got, so a
public sum is withheld when fewer records than the small-cell threshold make it up (records adding 0 VND don't
count). Authenticated callers see every sum."""

from dataclasses import dataclass

from hoanhap_stats.suppression import Disclosure


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum in whole VND and how many records (loans, support given) add a non-zero amount to it."""

    vnd: int = 0
    behind: int = 0

    def __add__(self, other: "Amount") -> "Amount":
        return Amount(self.vnd + other.vnd, self.behind + other.behind)


def shown_amount(shown: Disclosure, amount: Amount) -> int | None:
    """The sum, or None when too few records make it up for this caller."""
    return amount.vnd if shown.count(amount.behind) is not None else None


def amount_breakdown(shown: Disclosure, cells: dict[str, Amount]) -> dict[str, int | None]:
    """Sums of a total: those over too few records withheld, and if only one is, the one over the fewest
    records after it too, so the total does not give it away (as Disclosure.breakdown does for counts)."""
    behind = shown.breakdown({key: cell.behind for key, cell in cells.items()})
    return {key: cell.vnd if behind[key] is not None else None for key, cell in cells.items()}


def total(cells: dict[str, Amount]) -> Amount:
    """The sum of the cells."""
    return sum(cells.values(), Amount())
