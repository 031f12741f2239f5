"""Logs, metrics and request correlation every service installs the same way."""

from hoanhap.observability.http import install_observability
from hoanhap.observability.logging import configure_logging

__all__ = ["configure_logging", "install_observability"]
