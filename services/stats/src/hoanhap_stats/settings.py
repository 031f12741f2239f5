"""Settings of the stats service, read from the environment."""

from hoanhap.service.settings import ServiceSettings


class StatsSettings(ServiceSettings):
    """The shared service settings with the stats service's default port."""

    http_port: int = 8004
