"""Settings of the credit service, read from the environment."""

from hoanhap.service.settings import ServiceSettings


class CreditSettings(ServiceSettings):
    """The shared service settings with the credit service's default port."""

    http_port: int = 8003
