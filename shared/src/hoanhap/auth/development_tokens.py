"""Minting tokens for local development and tests, signed with AUTH_SECRET (HS256 only)."""

import time

import jwt

from hoanhap.auth.principal import Principal
from hoanhap.auth.settings import DEVELOPMENT_ALGORITHM, AuthSettings


class MintingRefused(ValueError):
    """Development tokens cannot be minted under these settings; the message says what to change."""


def mint_token(settings: AuthSettings, principal: Principal, ttl_seconds: int) -> str:
    """A token naming the principal, valid for ttl_seconds, that a service with the same settings accepts."""
    if settings.algorithm != DEVELOPMENT_ALGORITHM:
        raise MintingRefused(f"AUTH_ALGORITHM is {settings.algorithm}: development tokens are signed with "
                             "AUTH_SECRET and need AUTH_ALGORITHM=HS256; production tokens come from the issuer")
    if ttl_seconds <= 0:
        raise MintingRefused(f"a token must live at least one second, not {ttl_seconds}")
    now = int(time.time())
    claims = {**principal.model_dump(mode="json", exclude={"issuer"}), "iat": now, "exp": now + ttl_seconds,
              "iss": settings.issuer, "aud": settings.audience}
    return jwt.encode(claims, settings.secret, algorithm=DEVELOPMENT_ALGORITHM)
