"""Cell suppression of one published table: a total (the margin) and the cells that add up to it.

Primary suppression withholds the small cells (1 to threshold - 1). Secondary (complementary) suppression then
withholds the smallest other non-zero cells until the withheld cells add up to at least the threshold, so that
the total less the shown cells never tells a small count; a small total withholds the whole table. Zero cells stay
shown: a zero says nobody is there, which describes no one (docs/disclosure-control.md).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ShownTable:
    """A table as published: None for a withheld total or cell."""

    total: int | None
    cells: dict[str, int | None]


def suppress_table(total: int, cells: dict[str, int], threshold: int,
                   unpublished: frozenset[str] = frozenset()) -> ShownTable:
    """The table with small cells withheld, and enough others that no withheld cell can be worked out.

    `unpublished` cells are never shown (counts under no official commune) and so count as withheld from the start.
    """
    if 0 < total < threshold:
        return ShownTable(None, dict.fromkeys(cells))
    withheld = {key for key, value in cells.items() if value and (value < threshold or key in unpublished)}
    if withheld:
        withheld |= complementary_cells(cells, withheld, threshold)
    return ShownTable(total, {key: None if key in withheld else value for key, value in cells.items()})


def complementary_cells(cells: dict[str, int], withheld: set[str], threshold: int) -> set[str]:
    """The smallest shown non-zero cells to withhold as well, until the withheld cells add up to the threshold."""
    more: set[str] = set()
    withheld_sum = sum(cells[key] for key in withheld)
    for value, key in sorted((value, key) for key, value in cells.items() if value and key not in withheld):
        if withheld_sum >= threshold:
            break
        more.add(key)
        withheld_sum += value
    return more
