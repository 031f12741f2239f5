"""Settings every service reads from its environment."""

import base64
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

KEY_BYTES = 32


def base64_key(value: str) -> str:
    """Base64 of at least KEY_BYTES bytes; ValueError says why not."""
    try:
        raw = base64.b64decode(value, validate=True)
    except ValueError as error:
        raise ValueError("must be base64 (e.g. `openssl rand -base64 32`)") from error
    if len(raw) < KEY_BYTES:
        raise ValueError(f"must decode to at least {KEY_BYTES} bytes, not {len(raw)}")
    return value


Base64Key = Annotated[str, AfterValidator(base64_key)]
"""A secret key given as base64 text of at least 32 random bytes."""


class DatabaseSettings(BaseSettings):
    """The service's own database: what the service reads, and its commands that work on the database alone."""

    model_config = SettingsConfigDict(extra="ignore")

    database_url: str = Field(description="PostgreSQL URL of the service's own database")
    database_schema: str | None = Field(default=None, pattern=r"^[a-z_][a-z0-9_]{0,62}$",
                                        description="PostgreSQL schema of the service's tables (default: public)")


class ServiceSettings(DatabaseSettings):
    """DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are required; the rest have defaults."""

    kafka_bootstrap_servers: str = Field(description="Comma-separated Kafka bootstrap servers")
    http_host: str = Field(default="127.0.0.1", description="Interface the HTTP server binds")
    http_port: int = Field(default=8000, description="Port the HTTP server binds")
    http_workers: int = Field(default=1, ge=1, le=64, description="HTTP worker processes (the relay runs in one)")
    log_level: str = Field(default="INFO", description="Lowest log level written")


def required_environment(settings_class: type[BaseSettings]) -> set[str]:
    """Names of the environment variables a settings class cannot start without."""
    prefix = settings_class.model_config.get("env_prefix", "")
    return {
        (prefix + name).upper()
        for name, field in settings_class.model_fields.items()
        if field.is_required()
    }
