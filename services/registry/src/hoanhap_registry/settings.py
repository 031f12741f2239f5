"""Settings of the registry service, read from the environment."""

from hoanhap.service.settings import ServiceSettings


class RegistrySettings(ServiceSettings):
    """The shared service settings with the registry service's default port."""

    http_port: int = 8001
