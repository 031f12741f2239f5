"""The composition root of the supervision service: wires settings, runtime and HTTP routes."""

from fastapi import FastAPI

from hoanhap.service.app import create_service_app
from hoanhap_supervision.access_policy import POLICY
from hoanhap_supervision.settings import SupervisionSettings

SERVICE = "supervision"


def create_app(settings: SupervisionSettings) -> FastAPI:
    """The supervision HTTP application."""
    return create_service_app(SERVICE, settings, POLICY)
