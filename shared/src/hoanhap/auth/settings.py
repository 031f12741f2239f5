"""How bearer tokens are verified, from environment variables.

AUTH_ALGORITHM        HS256 (development: a shared secret) or RS256 / ES256 (production: a public key); default HS256
AUTH_SECRET           the HS256 secret; default DEVELOPMENT_SECRET below, which is public: DEVELOPMENT ONLY
AUTH_PUBLIC_KEY       PEM public key (RSA for RS256, EC P-256 for ES256); required unless HS256
AUTH_ISSUER           the `iss` every token must carry; default "hoanhap-dev"
AUTH_AUDIENCE         the `aud` every token must carry; default "hoanhap"
AUTH_LEEWAY_SECONDS   clock skew tolerated on `exp` and `iat`; default 30
"""

from typing import Final, Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Public in this repository: anyone can mint tokens with it. For local development and tests only.
DEVELOPMENT_SECRET = "hoanhap-development-secret-do-not-use-in-production"
DEVELOPMENT_ALGORITHM: Final = "HS256"


class AuthSettings(BaseSettings):
    """Token verification settings; see the module docstring for the variables."""

    model_config = SettingsConfigDict(env_prefix="AUTH_", extra="ignore")

    algorithm: Literal["HS256", "RS256", "ES256"] = DEVELOPMENT_ALGORITHM
    secret: str = DEVELOPMENT_SECRET
    public_key: str | None = None
    issuer: str = "hoanhap-dev"
    audience: str = "hoanhap"
    leeway_seconds: int = Field(default=30, ge=0, le=600)

    @property
    def uses_development_secret(self) -> bool:
        """True when tokens are checked with the public development secret."""
        return self.algorithm == DEVELOPMENT_ALGORITHM and self.secret == DEVELOPMENT_SECRET
