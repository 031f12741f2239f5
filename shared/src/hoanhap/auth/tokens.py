"""Verifying bearer tokens (JWT): signature, algorithm, expiry, issuer and audience, then the claims' shape."""

import hashlib
import time
from collections.abc import Callable
from typing import Any

import jwt
import structlog
from jwt.exceptions import InvalidSubjectError
from pydantic import ValidationError

from hoanhap.auth.principal import Principal
from hoanhap.auth.refusals import TokenProblem, Unauthenticated, in_words
from hoanhap.auth.settings import DEFAULT_AUDIENCE, AuthSettings

REQUIRED_CLAIMS = ["sub", "exp", "iat", "iss", "aud"]
REMEMBERED_TOKENS = 10_000
MAX_TOKEN_CHARACTERS = 8_192  # a token naming a province and its communes is well under 2,000
log = structlog.get_logger(__name__)


class TokenVerifier:
    """Turns a token into the Principal it names, or raises Unauthenticated with the reason.

    An officer sends the same token with every request until it expires, so tokens already verified are
    remembered with their principal until their expiry (never past it), and checking the signature again
    is skipped; at most REMEMBERED_TOKENS are kept, by their SHA-256 (tokens are at most MAX_TOKEN_CHARACTERS
    anyway), the oldest forgotten first.
    """

    def __init__(self, settings: AuthSettings, audience: str | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self.audience = audience or settings.audience or DEFAULT_AUDIENCE
        self.key = verification_key(settings)
        self.clock = clock
        self._verified: dict[bytes, tuple[Principal, float]] = {}
        if settings.uses_development_secret:
            log.warning("tokens are verified with the public development secret; set AUTH_ALGORITHM and "
                        "AUTH_PUBLIC_KEY (or AUTH_SECRET) outside development")

    def verify(self, token: str) -> Principal:
        """The principal the token names, or Unauthenticated naming the problem."""
        if len(token) > MAX_TOKEN_CHARACTERS:
            raise Unauthenticated(TokenProblem.MALFORMED, f"token is {len(token):,} characters long; "
                                                          f"at most {MAX_TOKEN_CHARACTERS:,} are accepted")
        fingerprint = hashlib.sha256(token.encode()).digest()
        remembered = self._verified.get(fingerprint)
        if remembered is not None and self.clock() < remembered[1]:
            return remembered[0]
        principal, expires_at = self._check(token)
        if len(self._verified) >= REMEMBERED_TOKENS:
            del self._verified[next(iter(self._verified))]
        self._verified[fingerprint] = (principal, expires_at)
        return principal

    def _check(self, token: str) -> tuple[Principal, float]:
        try:
            claims = jwt.decode(token, self.key, algorithms=[self.settings.algorithm],
                                audience=self.audience, issuer=self.settings.issuer,
                                leeway=self.settings.leeway_seconds, options={"require": REQUIRED_CLAIMS})
        except jwt.PyJWTError as error:
            raise refusal_for(error, self.settings, self.audience) from error
        ensure_bounded_lifetime(claims, self.settings.max_lifetime_seconds)
        return principal_from_claims(claims), float(claims["exp"])


def ensure_bounded_lifetime(claims: dict[str, Any], max_lifetime_seconds: int) -> None:
    """Unauthenticated unless the token lives a positive time of at most max_lifetime_seconds from iat to exp."""
    lifetime = float(claims["exp"]) - float(claims["iat"])
    if not 0 < lifetime <= max_lifetime_seconds:  # also false for NaN
        raise Unauthenticated(TokenProblem.INVALID_CLAIM,
                              f"token lives {lifetime:.0f} s from iat to exp; this service accepts tokens of "
                              f"at most {max_lifetime_seconds} s")


def verification_key(settings: AuthSettings) -> Any:
    """The key signatures are checked with, loaded now so a bad AUTH_PUBLIC_KEY stops the service at start."""
    if settings.algorithm == "HS256":
        return settings.secret
    if not settings.public_key:
        raise ValueError(f"AUTH_PUBLIC_KEY is required when AUTH_ALGORITHM is {settings.algorithm}")
    if "PRIVATE KEY" in settings.public_key:
        raise ValueError("AUTH_PUBLIC_KEY holds a private key; give services the public key only")
    try:
        return jwt.get_algorithm_by_name(settings.algorithm).prepare_key(settings.public_key)
    except (jwt.InvalidKeyError, ValueError, TypeError) as error:
        raise ValueError(f"AUTH_PUBLIC_KEY is not a PEM public key for {settings.algorithm}: {error}") from None


def refusal_for(error: jwt.PyJWTError, settings: AuthSettings, audience: str) -> Unauthenticated:
    """The Unauthenticated that names what PyJWT found wrong (subclasses are matched before their bases)."""
    match error:
        case jwt.ExpiredSignatureError():
            return Unauthenticated(TokenProblem.EXPIRED, "token expired; ask for a new one")
        case jwt.ImmatureSignatureError():
            return Unauthenticated(TokenProblem.NOT_YET_VALID, "token is not valid yet; check the issuer's clock")
        case jwt.InvalidSignatureError():
            return Unauthenticated(TokenProblem.BAD_SIGNATURE, "token signature is not valid for this service's key")
        case jwt.InvalidAlgorithmError():
            return Unauthenticated(TokenProblem.WRONG_ALGORITHM,
                                   f"token is not signed with {settings.algorithm}, the only algorithm accepted")
        case jwt.InvalidAudienceError():
            return Unauthenticated(TokenProblem.WRONG_AUDIENCE, f"token audience is not {audience!r}")
        case jwt.InvalidIssuerError():
            return Unauthenticated(TokenProblem.WRONG_ISSUER, f"token issuer is not {settings.issuer!r}")
        case jwt.MissingRequiredClaimError():
            return Unauthenticated(TokenProblem.MISSING_CLAIM, f"token lacks the {error.claim!r} claim")
        case jwt.InvalidIssuedAtError() | InvalidSubjectError():
            return Unauthenticated(TokenProblem.INVALID_CLAIM, f"token claim is not valid: {error}")
        case _:
            return Unauthenticated(TokenProblem.MALFORMED, f"token is malformed: {error}")


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    """The principal of verified claims, or Unauthenticated naming the first bad claim."""
    try:
        return Principal.model_validate(claims)
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        claim = ".".join(str(part) for part in problem["loc"])
        kind = TokenProblem.MISSING_CLAIM if problem["type"] == "missing" else TokenProblem.INVALID_CLAIM
        raise Unauthenticated(kind, f"token claim {claim!r}: {in_words(problem)}") from None
