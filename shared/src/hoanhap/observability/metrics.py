"""The HTTP latency histogram and the /metrics endpoint; the relay (hoanhap.relay.metrics) and the tracked
consumers (hoanhap.consumers.outcomes) declare their own metrics next to the code that records them.

With several HTTP workers, set PROMETHEUS_MULTIPROC_DIR (an empty folder, before the workers start) and /metrics
serves every worker's figures combined: counters and histograms summed, gauges at their largest (prometheus_client's
multiprocess mode).

Labels are codes and names of components, never people: their values must stay few (route templates, not paths).
"""

import os

from fastapi import FastAPI, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

METRICS_PATH = "/metrics"

HTTP_REQUEST_SECONDS = Histogram(
    "hoanhap_http_request_duration_seconds", "HTTP request latency by method, route template and status",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)


def exposed_registry() -> CollectorRegistry:
    """This process's registry, or with PROMETHEUS_MULTIPROC_DIR set, one that reads every worker's figures."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    return registry


async def metrics_endpoint() -> Response:
    """Every metric in Prometheus text format."""
    return Response(generate_latest(exposed_registry()), media_type=CONTENT_TYPE_LATEST)


def install_metrics(app: FastAPI) -> None:
    """Serve /metrics on the app (once, however often it is called)."""
    if not any(getattr(route, "path", None) == METRICS_PATH for route in app.router.routes):
        app.add_api_route(METRICS_PATH, metrics_endpoint, include_in_schema=False)
