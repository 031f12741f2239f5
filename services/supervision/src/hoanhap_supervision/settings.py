"""Settings of the supervision service, read from the environment."""

from hoanhap.service.settings import ServiceSettings


class SupervisionSettings(ServiceSettings):
    """The shared service settings with the supervision service's default port."""

    http_port: int = 8002
