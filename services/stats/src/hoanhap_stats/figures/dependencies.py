"""The HTTP dependencies of every figure: what is asked (Place: period, place and breakdowns), how it is shown to
this caller (Shown, refusing what the public rules do not offer), a database connection for the answer (Database),
and the answer's common part (described)."""

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request

from hoanhap.auth import Agency, OptionalPrincipal, Principal
from hoanhap.contracts import ReleaseType, Sex
from hoanhap.contracts.values import Day
from hoanhap.places import official_places
from hoanhap.postgres.connections import Connection, connection_of
from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats.figures.disclosure import JURISDICTION_AGENCIES, Disclosure, disclosure_for
from hoanhap_stats.figures.public_rules import public_problems
from hoanhap_stats.figures.selection import AGE_BANDS, OFFENCE_GROUPS, Selection


def selection_of(start: Annotated[Day, Query(alias="from", description="first day")],
                 end: Annotated[Day, Query(alias="to", description="last day, included")],
                 province_code: Annotated[str | None, Query(pattern=r"^[0-9]{2}$")] = None,
                 commune_code: Annotated[str | None, Query(pattern=r"^[0-9]{5}$",
                                                           description="its province is implied")] = None,
                 release_type: ReleaseType | None = None, sex: Sex | None = None,
                 age_band: Annotated[str | None, Query(description="age at release, in whole years",
                                                       json_schema_extra={"enum": list(AGE_BANDS)})] = None,
                 offence_group: Annotated[str | None, Query(description="a group of Penal Code articles",
                                                            json_schema_extra={"enum": list(OFFENCE_GROUPS)})] = None
                 ) -> Selection:
    """The period, place and breakdown a figure is about."""
    if end < start:
        raise refused("to", f"to {end} is before from {start}")
    for name, value, allowed in (("age_band", age_band, AGE_BANDS), ("offence_group", offence_group, OFFENCE_GROUPS)):
        if value is not None and value not in allowed:
            raise refused(name, f"{name} must be one of {', '.join(allowed)}", "enum")
    return Selection(start, end, province_of(province_code, commune_code), commune_code,
                     release_type.value if release_type else None, sex.value if sex else None, age_band,
                     offence_group)


def province_of(province_code: str | None, commune_code: str | None) -> str | None:
    """The province asked for, or the one an official commune lies in; a commune of another province is refused."""
    commune = official_places().commune(commune_code) if commune_code else None
    if commune is None:
        return province_code
    if province_code is not None and (mismatch := official_places().province_mismatch(commune.code, province_code)):
        raise refused("commune_code", mismatch)
    return commune.province_code


def refused(name: str, message: str, kind: str = "value_error") -> HTTPException:
    return HTTPException(422, [{"loc": ["query", name], "type": kind, "msg": message}])


Place = Annotated[Selection, Depends(selection_of)]


def disclosure_of(request: Request, period: Place, principal: OptionalPrincipal) -> Disclosure:
    """Exact for the figure's jurisdiction; the public rules, refusing what they do not offer, for anyone else."""
    return shown_to(request, period, principal, JURISDICTION_AGENCIES)


def shown_to(request: Request, period: Selection, principal: Principal | None,
             agencies: frozenset[Agency]) -> Disclosure:
    """Exact for these agencies of the figure's place; the public rules, refusing what they do not offer, for
    anyone else."""
    shown = disclosure_for(principal, period.province_code, period.commune_code,
                           request.app.state.suppression_threshold, request.app.state.recent_tables, agencies)
    if not shown.exact and (problems := public_problems(period, vietnam_today())):
        raise HTTPException(422, problems)
    return shown


Shown = Annotated[Disclosure, Depends(disclosure_of)]


async def figure_connection(request: Request) -> AsyncIterator[Connection]:
    """A connection from the service's pool for the answer, given back once the answer is done."""
    async with connection_of(request.app.state.runtime.pool) as connection:
        yield connection


Database = Annotated[Connection, Depends(figure_connection)]
"""A figure's database connection; declared after Place and Shown, so a refused question takes none."""


def described(period: Selection, shown: Disclosure, **figures: Any) -> dict[str, Any]:
    """The question an answer is about and how it is shown, followed by its figures."""
    return {"from": period.start.isoformat(), "to": period.end.isoformat(), "province_code": period.province_code,
            "commune_code": period.commune_code, "release_type": period.release_type, "sex": period.sex,
            "age_band": period.age_band, "offence_group": period.offence_group, "disclosure": shown.described(),
            **figures}
