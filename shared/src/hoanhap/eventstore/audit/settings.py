"""Settings of checkpoints, read from the environment: by a service with an event store, and by its audit
commands."""

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from hoanhap.eventstore.audit.keys import public_key, raw_key, signing_key
from hoanhap.service.settings import DatabaseSettings


class CheckpointSettings(BaseSettings):
    """How a service signs checkpoints of its event store and where it keeps copies outside its database."""

    model_config = SettingsConfigDict(extra="ignore")

    audit_signing_key: str | None = Field(default=None,
                                          description="base64 of a 32-byte Ed25519 private key (`openssl rand "
                                                      "-base64 32`) that signs checkpoints; never in the database; "
                                                      "without it no checkpoints are taken")
    audit_checkpoint_seconds: float = Field(default=600, ge=1, le=86_400,
                                            description="a checkpoint is signed about this often while events "
                                                        "are appended")
    audit_checkpoint_file: Path | None = Field(default=None,
                                               description="file each signed checkpoint is appended to, one JSON "
                                                           "line each, for an auditor to keep")

    @field_validator("audit_signing_key")
    @classmethod
    def is_a_signing_key(cls, value: str | None) -> str | None:
        """Base64 of exactly 32 bytes."""
        return value if value is None else _checked(value)

    @property
    def signing_key(self) -> Ed25519PrivateKey | None:
        """The key checkpoints are signed with, if one is set."""
        return signing_key(self.audit_signing_key) if self.audit_signing_key else None


class AuditSettings(DatabaseSettings, CheckpointSettings):
    """What the audit commands read: the service's database, its checkpoint settings and the auditor's public key."""

    audit_public_key: str | None = Field(default=None,
                                         description="base64 of the 32-byte Ed25519 public key checkpoints are "
                                                     "verified with (`public-key` prints it)")
    log_level: str = Field(default="INFO", description="Lowest log level written")

    @field_validator("audit_public_key")
    @classmethod
    def is_a_public_key(cls, value: str | None) -> str | None:
        """Base64 of exactly 32 bytes."""
        return value if value is None else _checked(value)

    @property
    def verifying_key(self) -> Ed25519PublicKey | None:
        """The public key checkpoints are verified with, if one is set."""
        return public_key(self.audit_public_key) if self.audit_public_key else None


def _checked(value: str) -> str:
    raw_key(value)
    return value
