"""Console entry point: `hoanhap-stats` serves the stats service."""

from fastapi import FastAPI

from hoanhap.service.runner import build_app, load_settings, run_service
from hoanhap_stats.app import SERVICE, create_app
from hoanhap_stats.settings import StatsSettings


def app() -> FastAPI:
    """The app of one HTTP worker process, built from the environment."""
    return build_app(SERVICE, create_app, StatsSettings)


def main() -> None:
    """Check the settings, then serve until stopped."""
    run_service(load_settings(SERVICE, StatsSettings), "hoanhap_stats.main:app")


if __name__ == "__main__":
    main()
