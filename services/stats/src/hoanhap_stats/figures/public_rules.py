"""What the public may ask for: a province (or one of its communes), over a closed calendar year in Vietnam's time,
without breakdowns of people. Any other question could be differenced against a published one; the jurisdiction's
own token sees any period and filter (docs/disclosure-control.md)."""

from datetime import date

from hoanhap_stats.figures.own_place import people_breakdowns
from hoanhap_stats.figures.selection import Selection

PUBLIC_COHORT_MONTHS = 12
OWN_TOKEN = "the jurisdiction's own token sees any period"


def closed_year(selection: Selection, today: date) -> int | None:
    """The calendar year the selection's period is, if it is one and has ended; else None."""
    year = selection.start.year
    whole = selection.start == date(year, 1, 1) and selection.end == date(year, 12, 31)
    return year if whole and year < today.year else None


def public_problems(selection: Selection, today: date) -> list[dict[str, object]]:
    """Why the public may not ask this, as 422 details naming the fields (empty: it may)."""
    problems = [problem(name, f"{name} is not offered publicly: complements of breakdowns single people out; "
                              f"{OWN_TOKEN} broken down")
                for name, value in people_breakdowns(selection).items() if value is not None]
    if selection.province_code is None:
        problems.append(problem("province_code", "public figures are published by province: name a province_code"))
    if closed_year(selection, today) is None:
        for name in ("from", "to"):
            problems.append(problem(name, f"public figures are for closed calendar years in Vietnam's time (e.g. "
                                          f"from={today.year - 1}-01-01&to={today.year - 1}-12-31); {OWN_TOKEN}"))
    return problems


def cohort_problems(months: int) -> list[dict[str, object]]:
    """Why the public may not ask for a cohort followed this long (empty: it may)."""
    if months == PUBLIC_COHORT_MONTHS:
        return []
    return [problem("months", f"public cohort recidivism is followed for {PUBLIC_COHORT_MONTHS} months only; "
                              "other follow-ups would difference against it, and the jurisdiction's own token sees "
                              "any")]


def follow_up_complete_on(year: int) -> date:
    """The first day on which everyone released in the year has been followed for the public months (the last
    release's follow-up ends the day before it)."""
    return date(year + 1 + PUBLIC_COHORT_MONTHS // 12, 1, 1)


def problem(name: str, message: str) -> dict[str, object]:
    return {"loc": ["query", name], "type": "value_error", "msg": message}
