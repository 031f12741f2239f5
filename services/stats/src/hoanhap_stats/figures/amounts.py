"""Sums of money in public figures: a sum over a few records would tell what one person or business got, so a
public sum is withheld when fewer records than the small-cell threshold make it up (records adding 0 VND don't
count), and publicly sums are published for whole provinces only. The figure's jurisdiction sees every sum."""

from dataclasses import dataclass

from hoanhap_stats.figures.disclosure import Disclosure


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum in whole VND and how many records (loans, support given) add a non-zero amount to it."""

    vnd: int = 0
    behind: int = 0

    def __add__(self, other: "Amount") -> "Amount":
        return Amount(self.vnd + other.vnd, self.behind + other.behind)


def shown_amount(shown: Disclosure, amount: Amount) -> int | None:
    """The sum, or None when it is not published to this caller: publicly, a commune's sum (it would difference
    against its province's), or one over too few records."""
    if shown.exact:
        return amount.vnd
    if shown.commune_level or 0 < amount.behind < shown.threshold:
        return None
    return amount.vnd


def amount_breakdown(shown: Disclosure, cells: dict[str, Amount]) -> dict[str, int | None]:
    """Sums of a total: publicly, those over too few records withheld, and others with them until the withheld
    ones are over at least the threshold's number of records, so the total does not give them away (the
    complementary suppression counts get, applied to the records behind each sum)."""
    behind = shown.breakdown({key: cell.behind for key, cell in cells.items()}, shown_amount(shown, total(cells)))
    return {key: cell.vnd if behind[key] is not None else None for key, cell in cells.items()}


def total(cells: dict[str, Amount]) -> Amount:
    """The sum of the cells."""
    return sum(cells.values(), Amount())
