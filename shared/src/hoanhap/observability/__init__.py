"""Logs, metrics and request correlation that every service installs the same way.

A service's entry point calls `configure_logging(service, level)` once; its app factory calls
`install_observability(app, service)`. Consumers bind each message with `bind_message_context(...)`; the relay and
the relay and consumers keep their own metrics next to their code.
"""

from hoanhap.observability.correlation import (
    bind_message_context,
    current_causation_id,
    current_correlation_id,
    new_correlation_id,
)
from hoanhap.observability.install import install_observability
from hoanhap.observability.logging import broker_logger, configure_logging
from hoanhap.observability.metrics import HTTP_REQUEST_SECONDS, install_metrics
from hoanhap.observability.middleware import RequestObservabilityMiddleware

__all__ = [
    "HTTP_REQUEST_SECONDS",
    "RequestObservabilityMiddleware",
    "bind_message_context",
    "broker_logger",
    "configure_logging",
    "current_causation_id",
    "current_correlation_id",
    "install_metrics",
    "install_observability",
    "new_correlation_id",
]
