"""The one call a service's app factory makes: request correlation, access lines, latency and /metrics."""

from fastapi import FastAPI

from hoanhap.observability.metrics import install_metrics
from hoanhap.observability.middleware import RequestObservabilityMiddleware


def install_observability(app: FastAPI, service: str | None = None) -> None:
    """Add the request middleware and serve /metrics; `service`, when given, is named on every access line."""
    app.add_middleware(RequestObservabilityMiddleware, service=service)
    install_metrics(app)
