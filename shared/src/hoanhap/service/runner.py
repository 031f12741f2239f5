"""Runs a service's HTTP app with uvicorn: the body of every service's console entry point."""

import sys
from collections.abc import Callable
from typing import TypeVar

import uvicorn
from fastapi import FastAPI
from pydantic import ValidationError
from pydantic_settings import BaseSettings

from hoanhap.observability import configure_logging
from hoanhap.service.garbage_collection import freeze_start_up_objects
from hoanhap.service.settings import ServiceSettings

SettingsT = TypeVar("SettingsT", bound=ServiceSettings)
LoadedT = TypeVar("LoadedT", bound=BaseSettings)  # a service's settings, or an audit command's
HTTP_PROTOCOL = "hoanhap.service.http_protocol:BoundedHttpToolsProtocol"  # an import path: workers load it too


def load_settings(service: str, settings_class: type[LoadedT]) -> LoadedT:
    """The settings from the environment, or exit with one line per missing or invalid variable."""
    try:
        return settings_class()
    except ValidationError as error:
        for problem in error.errors():
            variable = "_".join(str(part) for part in problem["loc"]).upper()
            print(f"{service} cannot start: {variable}: {problem['msg']}", file=sys.stderr)
        raise SystemExit(2) from None


def run_service(settings: ServiceSettings, app_factory: str) -> None:
    """Serve the app until SIGINT or SIGTERM with HTTP_WORKERS processes, each building it from app_factory
    ("module:function" returning the FastAPI app), reading no more than HEADER_BYTES of a request's headers; then
    shut down gracefully."""
    uvicorn.run(app_factory, factory=True, host=settings.http_host, port=settings.http_port,
                workers=settings.http_workers, log_level=settings.log_level.lower(), access_log=False,
                log_config=None, http=HTTP_PROTOCOL)


def build_app(service: str, create_app: Callable[[SettingsT], FastAPI], settings_class: type[SettingsT]) -> FastAPI:
    """The app of one worker process: settings from the environment, logging configured, app created."""
    settings = load_settings(service, settings_class)
    configure_logging(service, settings.log_level)
    app = create_app(settings)
    freeze_start_up_objects()
    return app
