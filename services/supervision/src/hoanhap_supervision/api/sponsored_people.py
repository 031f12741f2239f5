"""GET /v1/sponsors/me/people: the people a sponsor's token sponsors now, so the sponsor knows whose visits and
support it may log (their ids and communes only: a sponsor reads nothing else of a case)."""

from typing import Any

from fastapi import APIRouter, Request

from hoanhap.auth import CurrentPrincipal
from hoanhap_supervision.adapters.sponsored_people import sponsored_by
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.application.sponsor_tokens import is_sponsor

router = APIRouter(prefix="/v1/sponsors/me", tags=["sponsors"])


@router.get("/people")
async def my_sponsored_people(request: Request, principal: CurrentPrincipal) -> dict[str, Any]:
    """The people you sponsor now, in your jurisdiction, the earliest sponsored first (none for a token that is
    not a sponsor's: officers see a person's sponsors on the case)."""
    if not is_sponsor(principal):
        return {"total": 0, "people": []}
    async with supervision_of(request).pool.acquire() as connection:
        people = await sponsored_by(connection, principal.jurisdiction.province, principal.sub)
    mine = [person for person in people if principal.can_access(principal.jurisdiction.province,
                                                                person["commune_code"])]
    return {"total": len(mine), "people": mine}
