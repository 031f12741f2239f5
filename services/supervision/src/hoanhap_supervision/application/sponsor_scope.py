"""The sponsor scope: a sponsor's token may log visits and support only for the people it sponsors now (the
endpoints are declared once, in access_policy.SPONSORS_MAY; api/sponsor_scope.py holds every route to it)."""

import uuid

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import Forbidden, NotFound
from hoanhap_supervision.application.sponsor_tokens import is_sponsor
from hoanhap_supervision.application.supervision import NOT_FOUND, Supervision
from hoanhap_supervision.domain.sponsorship_decisions import sponsors_person

ONLY_VISITS_AND_SUPPORT = "a sponsor's token may only log visits and support for the people it sponsors"
PERSON = "{person_id}"


async def ensure_sponsor_scope(supervision: Supervision, connection: Connection, principal: Principal,
                               endpoint: str, allowed: frozenset[str], person_id: uuid.UUID | None) -> None:
    """Nothing for a token that is not a sponsor's; for a sponsor's, Forbidden outside the allowed endpoints and
    NotFound for a person it does not sponsor now (as for a case it cannot see: it learns nothing of them); an
    allowed endpoint about no person (its own list) needs nothing more."""
    if not is_sponsor(principal):
        return
    if endpoint not in allowed:
        raise Forbidden(ONLY_VISITS_AND_SUPPORT)
    if person_id is None and PERSON not in endpoint:
        return
    case = None if person_id is None else (await supervision.load(connection, person_id))[0]
    if case is None or not sponsors_person(case, principal.sub):
        raise NotFound(NOT_FOUND)
