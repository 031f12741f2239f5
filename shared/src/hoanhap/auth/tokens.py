"""Verifying bearer tokens (JWT) into a Principal, and minting development tokens."""

import time
from typing import Any

import jwt
from pydantic import ValidationError

from hoanhap.auth.principal import Principal
from hoanhap.auth.settings import AuthSettings


class Unauthenticated(Exception):
    """The request carries no usable token; the message says why."""


class TokenVerifier:
    """Checks signature, expiry, issuer and audience, then the claims' shape."""

    def __init__(self, settings: AuthSettings) -> None:
        self.settings = settings
        self.key = settings.verification_key

    def verify(self, token: str) -> Principal:
        """The principal the token names, or Unauthenticated with the reason."""
        try:
            claims = jwt.decode(token, self.key, algorithms=[self.settings.algorithm],
                                audience=self.settings.audience, issuer=self.settings.issuer,
                                options={"require": ["exp", "iat", "sub"]})
        except jwt.ExpiredSignatureError as error:
            raise Unauthenticated("token expired") from error
        except jwt.InvalidSignatureError as error:
            raise Unauthenticated("token signature is not valid") from error
        except jwt.InvalidAudienceError as error:
            raise Unauthenticated(f"token audience is not {self.settings.audience!r}") from error
        except jwt.InvalidIssuerError as error:
            raise Unauthenticated(f"token issuer is not {self.settings.issuer!r}") from error
        except jwt.MissingRequiredClaimError as error:
            raise Unauthenticated(f"token lacks the {error.claim!r} claim") from error
        except jwt.PyJWTError as error:
            raise Unauthenticated(f"token is malformed: {error}") from error
        return principal_from_claims(claims)


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    """The principal of verified claims, or Unauthenticated naming the bad claim."""
    try:
        return Principal.model_validate(claims)
    except ValidationError as error:
        problem = error.errors()[0]
        claim = ".".join(str(part) for part in problem["loc"])
        raise Unauthenticated(f"token claim {claim!r}: {problem['msg']}") from error


def mint_token(settings: AuthSettings, principal: Principal, ttl_seconds: int) -> str:
    """A token for the principal signed with the development secret (HS256 only)."""
    if settings.algorithm != "HS256":
        raise ValueError("development tokens are signed with AUTH_SECRET and need AUTH_ALGORITHM=HS256")
    now = int(time.time())
    claims = {**principal.model_dump(mode="json"), "iat": now, "exp": now + ttl_seconds,
              "iss": settings.issuer, "aud": settings.audience}
    return jwt.encode(claims, settings.secret, algorithm="HS256")
