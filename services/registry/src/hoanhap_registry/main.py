"""Console entry point: `hoanhap-registry` serves the registry service; `hoanhap-registry verify | checkpoint |
public-key` audits its event store instead."""

import sys

from fastapi import FastAPI

from hoanhap.eventstore.audit import cli as audit
from hoanhap.service.runner import build_app, load_settings, run_service
from hoanhap_registry.app import SERVICE, create_app
from hoanhap_registry.settings import RegistrySettings


def app() -> FastAPI:
    """The app of one HTTP worker process, built from the environment."""
    return build_app(SERVICE, create_app, RegistrySettings)


def main() -> None:
    """Check the settings, then serve until stopped; or run an audit command of the event store."""
    if sys.argv[1:2] and sys.argv[1] in audit.COMMANDS:
        sys.exit(audit.main(SERVICE, sys.argv[1:]))
    run_service(load_settings(SERVICE, RegistrySettings), "hoanhap_registry.main:app")


if __name__ == "__main__":
    main()
