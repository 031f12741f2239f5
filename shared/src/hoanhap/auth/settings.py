"""How tokens are verified, from the environment.

AUTH_ALGORITHM   HS256 (development, shared secret) or RS256 / ES256 (production, public key); default HS256
AUTH_SECRET      the HS256 secret; the default is for development only and is refused by RS256/ES256 set-ups
AUTH_PUBLIC_KEY  PEM public key for RS256 / ES256
AUTH_ISSUER      expected `iss`; default "hoanhap-dev"
AUTH_AUDIENCE    expected `aud`; default "hoanhap"
"""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "hoanhap-development-secret-do-not-use-in-production"


class AuthSettings(BaseSettings):
    """Token verification settings; see the module docstring for the variables."""

    model_config = SettingsConfigDict(env_prefix="AUTH_", extra="ignore")

    algorithm: str = Field(default="HS256", pattern="^(HS256|RS256|ES256)$")
    secret: str = DEVELOPMENT_SECRET
    public_key: str | None = None
    issuer: str = "hoanhap-dev"
    audience: str = "hoanhap"

    @property
    def verification_key(self) -> str:
        """The key signatures are checked with."""
        if self.algorithm == "HS256":
            return self.secret
        if not self.public_key:
            raise ValueError(f"AUTH_PUBLIC_KEY is required when AUTH_ALGORITHM is {self.algorithm}")
        return self.public_key
