"""Console entry point: `hoanhap-supervision` serves the supervision service."""

from fastapi import FastAPI

from hoanhap.service.runner import build_app, load_settings, run_service
from hoanhap_supervision.app import SERVICE, create_app
from hoanhap_supervision.settings import SupervisionSettings


def app() -> FastAPI:
    """The app of one HTTP worker process, built from the environment."""
    return build_app(SERVICE, create_app, SupervisionSettings)


def main() -> None:
    """Check the settings, then serve until stopped."""
    run_service(load_settings(SERVICE, SupervisionSettings), "hoanhap_supervision.main:app")


if __name__ == "__main__":
    main()
