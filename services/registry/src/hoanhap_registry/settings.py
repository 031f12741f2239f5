"""Settings of the registry service, read from the environment."""

import base64
from datetime import date

from pydantic import Field

from hoanhap.eventstore.audit.settings import CheckpointSettings
from hoanhap.service.settings import Base64Key, ServiceSettings

MIN_KEY_BYTES = 32


class RegistrySettings(ServiceSettings, CheckpointSettings):
    """The shared service settings, the event store's checkpoints, the registry's keys and its calendar."""

    http_port: int = 8001
    identity_master_key: Base64Key = Field(description="base64 of 32 random bytes; wraps every person's own key and "
                                                 "keys the registry's own lookup of citizen IDs")
    identity_digest_key: Base64Key = Field(description="base64 of >= 32 random bytes, held by the registry and the "
                                                       "credit service only; keys the identity digest the bank "
                                                       "finds people by")
    identity_digest_processes: int = Field(default=1, ge=1, le=64,
                                           description="worker processes computing identity digests at the lowest "
                                                       "CPU priority when the registry is quiet (each digest 0.13 s "
                                                       "of a core and 32 MiB)")
    public_holidays: list[date] = Field(default_factory=list,
                                        description="JSON list of days off announced beyond Vietnam's statutory "
                                                    'public holidays (built in), e.g. ["2026-01-02"]')

    @property
    def master_key(self) -> bytes:
        """The master key's first 32 bytes (AES-256)."""
        return base64.b64decode(self.identity_master_key)[:MIN_KEY_BYTES]

    @property
    def digest_key(self) -> bytes:
        """The key of the identity digest."""
        return base64.b64decode(self.identity_digest_key)
