"""FastAPI dependencies: the verified principal of a request, or 401 naming the reason.

`CurrentPrincipal` (or `Depends(require_principal)`) uses the app's verifier: the one `install_token_verifier`
stored at startup, else one built from the environment on the first request. `principal_dependency(verifier)`
gives a dependency bound to a verifier of your own.
"""

from collections.abc import Awaitable, Callable
from typing import Annotated

import structlog
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hoanhap.auth.principal import Principal
from hoanhap.auth.refusals import TokenProblem, Unauthenticated
from hoanhap.auth.settings import AuthSettings
from hoanhap.auth.tokens import TokenVerifier

bearer_scheme = HTTPBearer(auto_error=False, description="a JWT naming agency, role and jurisdiction")
BearerCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]
log = structlog.get_logger(__name__)
ENFORCED = "principal"  # where hoanhap.auth.enforcement leaves the verified caller in the request's state


def install_token_verifier(app: FastAPI, settings: AuthSettings | None = None,
                           audience: str | None = None) -> TokenVerifier:
    """Build the app's verifier now (from the environment by default), requiring this audience (default:
    AUTH_AUDIENCE), so a bad key stops the service at start."""
    app.state.token_verifier = TokenVerifier(settings or AuthSettings(), audience)
    return app.state.token_verifier


def verifier_of(request: Request) -> TokenVerifier:
    """The app's verifier, built from the environment on first use when none was installed."""
    verifier: TokenVerifier | None = getattr(request.app.state, "token_verifier", None)
    return verifier or install_token_verifier(request.app)


async def require_principal(request: Request, credentials: BearerCredentials) -> Principal:
    """The caller named by the request's bearer token, or 401 with the reason."""
    principal = enforced_principal(request)
    return principal if principal is not None else authenticate(verifier_of(request), credentials)


async def optional_principal(request: Request, credentials: BearerCredentials) -> Principal | None:
    """The caller when the request carries a token (401 when that token is bad), None for a public request."""
    if ENFORCED in request.scope.get("state", {}):
        return enforced_principal(request)
    return None if credentials is None else authenticate(verifier_of(request), credentials)


def enforced_principal(request: Request) -> Principal | None:
    """The caller the access policy already verified for this request, if it ran and found a token."""
    principal: Principal | None = request.scope.get("state", {}).get(ENFORCED)
    return principal


OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]


def principal_dependency(verifier: TokenVerifier) -> Callable[[BearerCredentials], Awaitable[Principal]]:
    """A dependency returning the caller that this verifier accepts, or 401 with the reason."""

    async def principal_of(credentials: BearerCredentials) -> Principal:
        return authenticate(verifier, credentials)

    return principal_of


def authenticate(verifier: TokenVerifier, credentials: HTTPAuthorizationCredentials | None) -> Principal:
    """The principal of the credentials, or the 401 HTTPException naming the problem."""
    try:
        if credentials is None:
            raise Unauthenticated(TokenProblem.MISSING,
                                  "missing bearer token: send the header 'Authorization: Bearer <token>'")
        return verifier.verify(credentials.credentials)
    except Unauthenticated as refusal:
        log.info("request not authenticated", problem=refusal.problem.value)
        raise unauthorized(refusal) from None


def unauthorized(refusal: Unauthenticated) -> HTTPException:
    """401 with the refusal's message and the WWW-Authenticate challenge (RFC 6750)."""
    challenge = "Bearer" if refusal.problem is TokenProblem.MISSING else 'Bearer error="invalid_token"'
    return HTTPException(401, refusal.message, headers={"WWW-Authenticate": challenge})


CurrentPrincipal = Annotated[Principal, Depends(require_principal)]
