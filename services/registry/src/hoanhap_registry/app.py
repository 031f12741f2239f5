"""The composition root of the registry service: wires settings, runtime and HTTP routes."""

from fastapi import FastAPI

from hoanhap.service.app import create_service_app
from hoanhap_registry.settings import RegistrySettings

SERVICE = "registry"


def create_app(settings: RegistrySettings) -> FastAPI:
    """The registry HTTP application."""
    return create_service_app(SERVICE, settings)
