"""Settings of the stats service, read from the environment."""

from pydantic import Field

from hoanhap.service.settings import ServiceSettings


class StatsSettings(ServiceSettings):
    """The shared service settings, the stats service's default port and its small-cell threshold."""

    http_port: int = 8004
    suppression_threshold: int = Field(default=5, ge=1, description="public counts below this are withheld")
