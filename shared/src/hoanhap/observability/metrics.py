"""HTTP metrics and the /metrics endpoint; other components declare their metrics next to their code."""

from fastapi import Response
from prometheus_client import CONTENT_TYPE_LATEST, Histogram, generate_latest

HTTP_REQUEST_SECONDS = Histogram(
    "hoanhap_http_request_duration_seconds", "HTTP request latency by route template",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)


async def metrics_endpoint() -> Response:
    """Every metric of this process in Prometheus text format."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
