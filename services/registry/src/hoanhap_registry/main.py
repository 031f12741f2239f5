"""Console entry point: `hoanhap-registry` serves the registry service."""

from hoanhap.service.runner import load_settings, run_service
from hoanhap_registry.app import SERVICE, create_app
from hoanhap_registry.settings import RegistrySettings


def main() -> None:
    """Read settings from the environment and serve until stopped."""
    run_service(SERVICE, create_app, load_settings(SERVICE, RegistrySettings))


if __name__ == "__main__":
    main()
