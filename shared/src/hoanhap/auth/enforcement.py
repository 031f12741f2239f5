"""The access policy enforced before any handler runs: an app-wide dependency that FastAPI solves before the
endpoint's own parameters and before the handler.

For each request it takes the rule of the route FastAPI chose, verifies the bearer token (401 naming the
problem), checks the agency and the role (403 saying what is needed) and a commune named in the path (403), then
leaves the verified principal in the request's state for `CurrentPrincipal`. A route without a rule is refused
(403), though `create_service_app` already refuses to start with one.
"""

import structlog
from fastapi import HTTPException, Request

from hoanhap.auth.access import describe
from hoanhap.auth.dependencies import ENFORCED, BearerCredentials, authenticate, verifier_of
from hoanhap.auth.policy import AccessPolicy, Rule, Where
from hoanhap.auth.principal import Principal
from hoanhap.places import official_places

log = structlog.get_logger(__name__)


async def enforce_policy(request: Request, credentials: BearerCredentials) -> None:
    """Refuse the request (401/403) unless the service's policy admits the caller to this endpoint."""
    policy: AccessPolicy = request.app.state.access_policy
    path = request.scope["route"].path_format  # as the OpenAPI and the policy write it: no {id:uuid} convertor
    rule = policy.rule_for(request.method, path)
    if rule is None:
        log.error("endpoint without an access policy", path=path)
        raise HTTPException(403, "this endpoint has no access policy, so nobody may call it")
    if credentials is None and rule.public:
        request.scope.setdefault("state", {})[ENFORCED] = None
        return
    principal = authenticate(verifier_of(request), credentials)
    request.scope.setdefault("state", {})[ENFORCED] = principal
    if not rule.public:
        ensure_admitted(rule, principal, request.path_params.get("commune_code"))


def ensure_admitted(rule: Rule, principal: Principal, path_commune: str | None) -> None:
    """403 when the agency, the role or a commune named in the path is not the caller's."""
    if not rule.admits(principal):
        raise HTTPException(403, rule.refusal(principal))
    if rule.where is Where.PATH_COMMUNE and not in_jurisdiction(principal, path_commune):
        raise HTTPException(403, f"commune {path_commune} is outside your jurisdiction ({describe(principal)})")


def in_jurisdiction(principal: Principal, commune_code: str | None) -> bool:
    """True when the commune is an official commune of the caller's province that the caller covers."""
    province = principal.jurisdiction.province
    return (commune_code is not None and official_places().is_commune_of(commune_code, province)
            and principal.can_access(province, commune_code))
