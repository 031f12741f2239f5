"""Public counts come out of one table per province: the province total and every official commune's cell, with
complementary suppression (suppression.py). A commune's public count is its cell in that table, so no two public
answers disagree and no difference of them tells a withheld cell."""

from collections.abc import Awaitable, Callable
from dataclasses import replace
from functools import cache

from hoanhap.places import official_places
from hoanhap.postgres.connections import Connection
from hoanhap_stats.figures.disclosure import Disclosure
from hoanhap_stats.figures.recent_tables import projected_state
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.figures.suppression import ShownTable, suppress_table

Measure = Callable[[Connection, Selection], Awaitable[dict[str, int]]]
"""Named counts of a figure for a selection, e.g. {"reoffended": 2, "released": 6}."""
UNLISTED = ""
"""The cell of counts under no official commune of the province: in the total, never published on its own."""


async def published_counts(connection: Connection, measure: Measure, selection: Selection,
                           shown: Disclosure) -> dict[str, int | None]:
    """The measure's counts at the selection's place, as this caller is shown them."""
    if shown.exact:
        return dict(await measure(connection, selection))
    tables = await shown_tables(connection, measure, selection, shown)
    if selection.commune_code is None:
        return {name: table.total for name, table in tables.items()}
    return {name: table.cells.get(selection.commune_code) for name, table in tables.items()}


async def shown_tables(connection: Connection, measure: Measure, selection: Selection,
                       shown: Disclosure) -> dict[str, ShownTable]:
    """Each count of the measure as the province's table (commune cells keyed by code), as this caller sees it;
    a public one as computed lately, when nothing was projected since."""
    if shown.exact or shown.recent is None:
        totals, cells = await province_counts(connection, measure, selection)
    else:
        asked = (measure, selection, await projected_state(connection))
        totals, cells = await shown.recent.get(asked, lambda: province_counts(connection, measure, selection))
    if shown.exact:
        return {name: ShownTable(total, {commune: cells[commune][name] for commune in cells})
                for name, total in totals.items()}
    return {name: suppress_table(total, with_unlisted(total, {commune: cells[commune][name] for commune in cells}),
                                 shown.threshold, unpublished=frozenset({UNLISTED}))
            for name, total in totals.items()}


async def province_counts(connection: Connection, measure: Measure,
                          selection: Selection) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """The measure's counts for the selection's province, and for each of its official communes."""
    province = replace(selection, commune_code=None)
    totals = await measure(connection, province)
    if not any(totals.values()):
        return totals, {commune: dict.fromkeys(totals, 0) for commune in communes_of(str(province.province_code))}
    return totals, {commune: await measure(connection, replace(province, commune_code=commune))
                    for commune in communes_of(str(province.province_code))}


def with_unlisted(total: int, cells: dict[str, int]) -> dict[str, int]:
    """The cells and, when the total counts more than they do, the unlisted rest."""
    rest = total - sum(cells.values())
    return {**cells, UNLISTED: rest} if rest > 0 else cells


@cache
def communes_of(province_code: str) -> tuple[str, ...]:
    """The official communes of the province, by code."""
    return tuple(sorted(commune.code for commune in official_places().communes.values()
                        if commune.province_code == province_code))
