"""Selections for figures whose rows have a place of their own (a supervision case, a visit, a loan).

Such a figure filters on its own row's province and commune, not on where the registry says the person lives now.
The person's breakdowns (release type, sex, age band, offence group) are the registry's, so they apply through
`releases r`, reusing selection.CONDITIONS with its place filters off, and only when one is asked for: a row of
a person stats has no release for yet, or a business's loan, is then left out, otherwise always counted.
"""

from hoanhap_stats.figures.selection import CONDITIONS, Selection


def own_place(alias: str, province: int = 10) -> str:
    """SQL keeping the rows of `alias` in the selection's province ($10, or the number given) and commune (the
    parameter after it)."""
    commune = province + 1
    return (f"(${province}::text IS NULL OR {alias}.province_code = ${province}) "
            f"AND (${commune}::text IS NULL OR {alias}.commune_code = ${commune})")


def given_place(alias: str, selection: Selection) -> str:
    """own_place(alias), written for the parts of the place the selection gives, so that a plan PostgreSQL caches
    for the query still uses an index on the place (the parameters are referenced either way)."""
    province = f"{alias}.province_code = $10" if selection.province_code else "$10::text IS NULL"
    commune = f"{alias}.commune_code = $11" if selection.commune_code else "$11::text IS NULL"
    return f"{province} AND {commune}"


def own_rows(alias: str) -> str:
    """SQL keeping the rows of `alias` (with a person_id) in the selection's place and, when a breakdown of people
    is asked for ($12), of people in it."""
    return (f"{own_place(alias)} AND (NOT $12::boolean OR EXISTS ("
            f"SELECT 1 FROM releases r WHERE r.person_id = {alias}.person_id AND {CONDITIONS}))")


def figure_arguments(selection: Selection) -> tuple[object, ...]:
    """The SQL parameters $1..$12: CONDITIONS' own, with its place filters off, then the place and whether any
    breakdown of people applies; a query's own parameters start at $13."""
    start, end, province_code, commune_code, *breakdowns = selection.arguments()
    return (start, end, None, None, *breakdowns, province_code, commune_code, has_people_breakdown(selection))


def placed_arguments(selection: Selection) -> tuple[object, ...]:
    """The SQL parameters $1..$11 of a figure about people placed by a row of their own (own_place(alias)):
    CONDITIONS' own, with its place filters off, then the place."""
    return figure_arguments(selection)[:11]


def place_arguments(selection: Selection) -> tuple[object, ...]:
    """The SQL parameters of a figure about no person, filtered with own_place(alias, 3): the period's days, the
    province and the commune."""
    return selection.arguments()[:4]


def has_people_breakdown(selection: Selection) -> bool:
    """True when the selection narrows the people counted, not only the period and place."""
    return any(value is not None for value in people_breakdowns(selection).values())


def people_breakdowns(selection: Selection) -> dict[str, str | None]:
    """The selection's filters that describe people, by query parameter name."""
    return {"release_type": selection.release_type, "sex": selection.sex, "age_band": selection.age_band,
            "offence_group": selection.offence_group}
