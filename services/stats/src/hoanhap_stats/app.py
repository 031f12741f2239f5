"""The composition root of the stats service: wires settings, runtime and HTTP routes."""

from fastapi import FastAPI

from hoanhap.service.app import create_service_app
from hoanhap_stats.settings import StatsSettings

SERVICE = "stats"


def create_app(settings: StatsSettings) -> FastAPI:
    """The stats HTTP application."""
    return create_service_app(SERVICE, settings)
