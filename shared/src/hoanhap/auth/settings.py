"""How bearer tokens are verified, from environment variables.

AUTH_ALGORITHM        HS256 (development: a shared secret) or RS256 / ES256 (production: a public key); default HS256
AUTH_SECRET           the HS256 secret; default DEVELOPMENT_SECRET below, which is public: DEVELOPMENT ONLY
AUTH_PUBLIC_KEY       PEM public key (RSA for RS256, EC P-256 for ES256); required unless HS256
AUTH_ISSUER           the `iss` every token must carry; default "hoanhap-dev"
AUTH_AUDIENCE         the `aud` every token must carry; default: the service's own, "hoanhap-<service>", so a
                      token issued for one service is refused by the others
AUTH_LEEWAY_SECONDS   clock skew tolerated on `exp` and `iat`; default 30
AUTH_MAX_LIFETIME_SECONDS  the longest a token may live from `iat` to `exp`; default 86400 (a working day and
                      night); a token issued for longer is refused whatever its `exp`
"""

from typing import Final, Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Public in this repository: anyone can mint tokens with it. For local development and tests only.
DEVELOPMENT_SECRET = "hoanhap-development-secret-do-not-use-in-production"
DEVELOPMENT_ALGORITHM: Final = "HS256"
DEFAULT_AUDIENCE: Final = "hoanhap"  # only for a verifier built outside a service (tests of the auth itself)


def service_audience(service: str) -> str:
    """The audience of a service's tokens by default, e.g. "hoanhap-registry"."""
    return f"{DEFAULT_AUDIENCE}-{service}"


class AuthSettings(BaseSettings):
    """Token verification settings; see the module docstring for the variables."""

    model_config = SettingsConfigDict(env_prefix="AUTH_", extra="ignore")

    algorithm: Literal["HS256", "RS256", "ES256"] = DEVELOPMENT_ALGORITHM
    secret: str = DEVELOPMENT_SECRET
    public_key: str | None = None
    issuer: str = "hoanhap-dev"
    audience: str | None = Field(default=None, min_length=1, max_length=200)
    leeway_seconds: int = Field(default=30, ge=0, le=600)
    max_lifetime_seconds: int = Field(default=86_400, ge=60, le=7 * 86_400)

    def audience_of(self, service: str) -> str:
        """The audience the service requires: AUTH_AUDIENCE when set, else its own."""
        return self.audience or service_audience(service)

    @property
    def uses_development_secret(self) -> bool:
        """True when tokens are checked with the public development secret."""
        return self.algorithm == DEVELOPMENT_ALGORITHM and self.secret == DEVELOPMENT_SECRET
