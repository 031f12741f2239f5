"""Settings of the credit service, read from the environment."""

import base64

from pydantic import Field

from hoanhap.service.settings import Base64Key, ServiceSettings


class CreditSettings(ServiceSettings):
    """The shared service settings, its consumers' name and the key of the identity digest."""

    http_port: int = 8003
    consumer_group: str = Field(default="credit", pattern=r"^[a-z0-9][a-z0-9-]{0,60}$",
                                description="names this deployment's consumers of the registry's topics (and their "
                                            "Kafka groups); a second deployment needs its own")
    identity_digest_key: Base64Key = Field(description="base64 of >= 32 random bytes, the registry's key of the "
                                                       "identity digest (held by the registry and credit only): "
                                                       "credit computes an applicant's digest with it to find them")

    @property
    def digest_key(self) -> bytes:
        """The key of the identity digest, as the registry decodes it."""
        return base64.b64decode(self.identity_digest_key)
