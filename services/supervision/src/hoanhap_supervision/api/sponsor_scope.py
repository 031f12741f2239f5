"""The sponsor scope on every route: each router of the service is mounted under one that first checks a sponsor's
token against access_policy.SPONSORS_MAY and the person's current sponsors (application/sponsor_scope.py), after
the access policy itself and before the handler (so before its body is even validated)."""

import uuid
from collections.abc import Sequence

from fastapi import APIRouter, Depends, Request

from hoanhap.auth.dependencies import enforced_principal
from hoanhap_supervision.access_policy import SPONSORS_MAY
from hoanhap_supervision.api.supervision_state import supervision_of
from hoanhap_supervision.application.sponsor_scope import ensure_sponsor_scope
from hoanhap_supervision.application.sponsor_tokens import is_sponsor


async def sponsor_scope(request: Request) -> None:
    """Refuse a sponsor's token outside its scope (403 another endpoint, 404 a person it does not sponsor)."""
    principal = enforced_principal(request)
    if principal is None or not is_sponsor(principal):
        return  # no connection taken for the other tokens
    endpoint = f"{request.method} {request.scope['route'].path_format}"
    supervision = supervision_of(request)
    async with supervision.pool.acquire() as connection:
        await ensure_sponsor_scope(supervision, connection, principal, endpoint, SPONSORS_MAY,
                                   person_of(request.path_params.get("person_id")))


def person_of(path_value: str | None) -> uuid.UUID | None:
    """The person id the path names (None when it names none, or not a valid one)."""
    try:
        return None if path_value is None else uuid.UUID(path_value)
    except ValueError:
        return None


def sponsor_scoped(routers: Sequence[APIRouter]) -> APIRouter:
    """One router holding all of them, each route behind the sponsor scope."""
    scoped = APIRouter(dependencies=[Depends(sponsor_scope)])
    for router in routers:
        scoped.include_router(router)
    return scoped
