"""Console entry point: `hoanhap-stats` serves the stats service."""

import sys

from fastapi import FastAPI

from hoanhap.observability import configure_logging
from hoanhap.service.garbage_collection import collect_less_often
from hoanhap.service.runner import build_app, load_settings, run_service
from hoanhap_stats.app import SERVICE, create_app
from hoanhap_stats.rebuild.command import rebuild_command
from hoanhap_stats.settings import StatsSettings


def app() -> FastAPI:
    """The app of one HTTP worker process, built from the environment, collecting garbage as a consumer should."""
    built = build_app(SERVICE, create_app, StatsSettings)
    collect_less_often()
    return built


def main() -> None:
    """Serve until stopped; `hoanhap-stats rebuild` instead rebuilds the read models and swaps them in."""
    settings = load_settings(SERVICE, StatsSettings)
    if sys.argv[1:] == ["rebuild"]:
        configure_logging(SERVICE, settings.log_level)
        rebuild_command(settings)
        return
    run_service(settings, "hoanhap_stats.main:app")


if __name__ == "__main__":
    main()
