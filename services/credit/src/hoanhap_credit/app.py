"""The composition root of the credit service: wires settings, runtime and HTTP routes."""

from fastapi import FastAPI

from hoanhap.service.app import create_service_app
from hoanhap_credit.access_policy import POLICY
from hoanhap_credit.settings import CreditSettings

SERVICE = "credit"


def create_app(settings: CreditSettings) -> FastAPI:
    """The credit HTTP application."""
    return create_service_app(SERVICE, settings, POLICY)
