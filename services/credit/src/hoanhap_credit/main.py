"""Console entry point: `hoanhap-credit` serves the credit service."""

from fastapi import FastAPI

from hoanhap.service.runner import build_app, load_settings, run_service
from hoanhap_credit.app import SERVICE, create_app
from hoanhap_credit.settings import CreditSettings


def app() -> FastAPI:
    """The app of one HTTP worker process, built from the environment."""
    return build_app(SERVICE, create_app, CreditSettings)


def main() -> None:
    """Check the settings, then serve until stopped."""
    run_service(load_settings(SERVICE, CreditSettings), "hoanhap_credit.main:app")


if __name__ == "__main__":
    main()
