"""Minting tokens for local development and tests, signed with AUTH_SECRET (HS256 only)."""

import time
from collections.abc import Sequence

import jwt

from hoanhap.auth.principal import Principal
from hoanhap.auth.settings import DEFAULT_AUDIENCE, DEVELOPMENT_ALGORITHM, AuthSettings


class MintingRefused(ValueError):
    """Development tokens cannot be minted under these settings; the message says what to change."""


def mint_token(settings: AuthSettings, principal: Principal, ttl_seconds: int,
               audiences: Sequence[str] = ()) -> str:
    """A token naming the principal, valid for ttl_seconds, for these audiences (e.g. `service_audience("registry")`;
    none given: AUTH_AUDIENCE, else the audience of a verifier built outside any service)."""
    if settings.algorithm != DEVELOPMENT_ALGORITHM:
        raise MintingRefused(f"AUTH_ALGORITHM is {settings.algorithm}: development tokens are signed with "
                             "AUTH_SECRET and need AUTH_ALGORITHM=HS256; production tokens come from the issuer")
    if not 0 < ttl_seconds <= settings.max_lifetime_seconds:
        raise MintingRefused(f"a token must live from one second to {settings.max_lifetime_seconds} s "
                             f"(AUTH_MAX_LIFETIME_SECONDS), not {ttl_seconds}")
    now = int(time.time())
    claims = {**principal.model_dump(mode="json", exclude={"issuer"}), "iat": now, "exp": now + ttl_seconds,
              "iss": settings.issuer,
              "aud": list(audiences) or [settings.audience or DEFAULT_AUDIENCE]}
    return jwt.encode(claims, settings.secret, algorithm=DEVELOPMENT_ALGORITHM)
