"""GET /v1/recidivism/cohort: the cohort rate with its numerator and denominator."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from hoanhap.auth import CurrentPrincipal
from hoanhap_stats.recidivism import cohort_rate

router = APIRouter(prefix="/v1/recidivism", tags=["recidivism"])
ProvinceCode = Annotated[str | None, Query(pattern=r"^[0-9]{2}$")]
CommuneCode = Annotated[str | None, Query(pattern=r"^[0-9]{5}$")]


@router.get("/cohort")
async def cohort(request: Request, principal: CurrentPrincipal, released_from: date, released_to: date,
                 months: Annotated[int, Query(ge=1, le=120, description="6, 12, 24 or 36 usually")] = 12,
                 province_code: ProvinceCode = None,
                 commune_code: CommuneCode = None) -> dict[str, Any]:
    """Of the people released in the period, the share with a recorded reoffence within `months` of release."""
    if released_to < released_from:
        raise HTTPException(422, [{"loc": ["query", "released_to"], "type": "value_error",
                                   "msg": f"released_to {released_to} is before released_from {released_from}"}])
    async with request.app.state.runtime.pool.acquire() as connection:
        rate = await cohort_rate(connection, released_from, released_to, months, province_code, commune_code)
    return {"measure": "cohort recidivism", "months": months, "released_from": released_from.isoformat(),
            "released_to": released_to.isoformat(), "province_code": province_code, "commune_code": commune_code,
            "numerator": rate.numerator, "denominator": rate.denominator, "rate": rate.value}
