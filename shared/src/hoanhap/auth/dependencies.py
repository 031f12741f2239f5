"""FastAPI dependencies: the verified principal of a request, and jurisdiction checks (403 / 404)."""

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from hoanhap.auth.principal import Principal
from hoanhap.auth.settings import AuthSettings
from hoanhap.auth.tokens import TokenVerifier, Unauthenticated


def verifier_of(request: Request) -> TokenVerifier:
    """The app's verifier, made once from the environment on first use."""
    state = request.app.state
    if getattr(state, "token_verifier", None) is None:
        state.token_verifier = TokenVerifier(AuthSettings())
    verifier: TokenVerifier = state.token_verifier
    return verifier


async def current_principal(request: Request) -> Principal:
    """The caller named by the request's bearer token, or 401 with the reason."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized("missing bearer token in the Authorization header")
    try:
        return verifier_of(request).verify(token)
    except Unauthenticated as reason:
        raise _unauthorized(str(reason)) from None


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def ensure_jurisdiction(principal: Principal, province_code: str, commune_code: str | None = None) -> None:
    """404 for a place in another province (it is invisible), 403 for another commune of the caller's province."""
    if not principal.sees_province(province_code):
        raise HTTPException(404, "not found")
    if not principal.can_access(province_code, commune_code):
        raise HTTPException(403, f"commune {commune_code} is outside your jurisdiction")


def _unauthorized(reason: str) -> HTTPException:
    return HTTPException(401, reason, headers={"WWW-Authenticate": "Bearer"})
